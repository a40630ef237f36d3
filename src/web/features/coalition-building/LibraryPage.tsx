import { Anchor, Badge, Button, FileInput, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFiles, IconHistory, IconSearch, IconUpload } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_MAX_BYTES, documentUploadFields, documentVisibilities, type DocumentDto, type DocumentVisibility } from '../../../shared/documents.contract';
import { useCoalition } from '../../coalition/context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { cbApi, cbKeys } from './api';

function Upload() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [visibility, setVisibility] = useState<DocumentVisibility>('coalition');
  const [tags, setTags] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const upload = useMutation({
    mutationFn: (form: FormData) => cbApi.upload(slug, form),
    onSuccess: async () => {
      setTitle('');
      setTags('');
      setFile(null);
      await client.invalidateQueries({ queryKey: cbKeys.all(slug) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = documentUploadFields.safeParse({ title, visibility, tags });
    const found: Record<string, string> = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    if (!file) found.file = t('coalitionBuilding.library.chooseFile');
    else if (file.size > DOCUMENT_MAX_BYTES) found.file = t('coalitionBuilding.library.tooLarge');
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) return;
    const form = new FormData();
    form.set('title', title);
    form.set('visibility', visibility);
    form.set('tags', tags);
    form.set('file', file);
    upload.mutate(form);
  };
  const choices = documentVisibilities.filter((v) => v !== 'leadership_council' || can.editDirectory);
  return (
    <Paper withBorder p="md" mb="lg" component="form" onSubmit={submit} aria-labelledby="cb-upload">
      <Title order={2} size="h4" id="cb-upload" mb="sm">{t('coalitionBuilding.library.upload')}</Title>
      {upload.isError && <ProblemAlert error={upload.error} />}
      <Group align="flex-end" gap="sm">
        <TextInput label={t('coalitionBuilding.library.docTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required />
        <NativeSelect label={t('coalitionBuilding.library.visibility')} value={visibility} onChange={(e) => setVisibility(e.currentTarget.value as DocumentVisibility)} data={choices.map((v) => ({ value: v, label: t(`coalitionBuilding.visibilities.${v}`) }))} />
        <TextInput label={t('coalitionBuilding.library.tags')} description={t('coalitionBuilding.library.tagsHint')} value={tags} onChange={(e) => setTags(e.currentTarget.value)} />
        <FileInput label={t('coalitionBuilding.library.file')} value={file} onChange={setFile} error={errors.file} required clearable w={240} />
        <Button type="submit" loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />}>{t('coalitionBuilding.library.uploadButton')}</Button>
      </Group>
    </Paper>
  );
}

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/**
 * Every version of a document, newest first, each downloadable; the owner or the Coordinator uploads a
 * new one. Rendered by the page, not the row: a new version may drop the row from a text search.
 */
function VersionsDialog({ doc, opened, mayEdit, onClose, onUploaded }: { doc: DocumentDto; opened: boolean; mayEdit: boolean; onClose: () => void; onUploaded: (doc: DocumentDto) => void }) {
  const { t, i18n } = useTranslation();
  const { slug } = useCoalition();
  const client = useQueryClient();
  const close = onClose;
  const versions = useQuery({ queryKey: cbKeys.versions(slug, doc.id), queryFn: ({ signal }) => cbApi.versions(slug, doc.id, signal), enabled: opened });
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const upload = useMutation({
    mutationFn: (form: FormData) => cbApi.uploadVersion(slug, doc.id, form),
    onSuccess: async (updated) => {
      setFile(null);
      onUploaded(updated);
      await client.invalidateQueries({ queryKey: cbKeys.all(slug) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setError(t('coalitionBuilding.library.chooseFile'));
    if (file.size > DOCUMENT_MAX_BYTES) return setError(t('coalitionBuilding.library.tooLarge'));
    setError(undefined);
    const form = new FormData();
    form.set('file', file);
    upload.mutate(form);
  };
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <Modal.Root opened={opened} onClose={close} centered size="xl">
        <Modal.Overlay />
        <Modal.Content>
          <Modal.Header {...({ component: 'div' } as object)}>
            <Modal.Title>{t('coalitionBuilding.library.versionsTitle', { title: doc.title })}</Modal.Title>
            <Modal.CloseButton aria-label={t('common.close')} />
          </Modal.Header>
          <Modal.Body>
            <Stack gap="md">
              {versions.isPending ? <Loading /> : versions.isError ? <QueryErrorState error={versions.error} onRetry={() => void versions.refetch()} /> : (
                <Table.ScrollContainer minWidth={560}>
                  <Table striped>
                    <Table.Caption className="tb-sr-only">{t('coalitionBuilding.library.versionsCaption', { title: doc.title })}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('coalitionBuilding.library.version')}</Table.Th>
                        <Table.Th scope="col">{t('coalitionBuilding.library.file')}</Table.Th>
                        <Table.Th scope="col">{t('coalitionBuilding.library.uploaded')}</Table.Th>
                        <Table.Th scope="col">{t('coalitionBuilding.library.text')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {versions.data.items.map((v) => (
                        <Table.Tr key={v.version}>
                          <Table.Th scope="row" fw={400}>{v.version}{v.version === doc.currentVersion ? ` (${t('coalitionBuilding.library.current')})` : ''}</Table.Th>
                          <Table.Td>
                            <Anchor href={cbApi.fileUrl(slug, doc.id, v.version)} download>{t('coalitionBuilding.library.downloadVersion', { filename: v.filename, version: v.version })}</Anchor>
                            <Text size="xs" c="dimmed">{kb(v.size)} KB</Text>
                          </Table.Td>
                          <Table.Td>{when.format(new Date(v.createdAt))}{v.uploadedByName ? ` · ${v.uploadedByName}` : ''}</Table.Td>
                          <Table.Td>{t(`coalitionBuilding.library.textStatuses.${v.textStatus}`)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {mayEdit && (
                <Paper withBorder p="sm" component="form" onSubmit={submit} aria-labelledby={`cb-new-version-${doc.id}`}>
                  <Title order={3} size="h5" id={`cb-new-version-${doc.id}`} mb="xs">{t('coalitionBuilding.library.newVersion')}</Title>
                  {upload.isError && <ProblemAlert error={upload.error} />}
                  <Group align="flex-end" gap="sm">
                    <FileInput label={t('coalitionBuilding.library.file')} value={file} onChange={setFile} error={error} required clearable w={260} />
                    <Button type="submit" loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />}>{t('coalitionBuilding.library.uploadVersion')}</Button>
                  </Group>
                </Paper>
              )}
            </Stack>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}

export default function LibraryPage() {
  const { t } = useTranslation();
  const { slug, membership, can } = useCoalition();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const mayEdit = (d: DocumentDto) => can.coordinator || d.ownerId === membership.personId;
  const [versionsOf, setVersionsOf] = useState<DocumentDto | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const remove = async (id: string) => {
    await cbApi.deleteDocument(slug, id);
    await client.invalidateQueries({ queryKey: cbKeys.all(slug) });
  };
  const list = useInfiniteQuery({
    queryKey: cbKeys.documents(slug, q),
    queryFn: ({ pageParam, signal }) => cbApi.documents(slug, { q, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const staff = membership.roles.some((r) => r !== 'student');
  return (
    <>
      <PageHeader title={t('coalitionBuilding.library.title')} description={t('coalitionBuilding.library.intro')} />
      {staff && <Upload />}
      <TextInput mb="md" label={t('coalitionBuilding.library.search')} type="search" leftSection={<IconSearch size={16} aria-hidden />} value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={480} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconFiles size={28} aria-hidden />} title={t('coalitionBuilding.library.none')} />
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={880}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{t('coalitionBuilding.library.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('coalitionBuilding.library.docTitle')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.library.visibility')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.library.tags')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.library.owner')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.library.file')}</Table.Th>
                  <Table.Th scope="col"><span className="tb-sr-only">{t('common.actions')}</span></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Th scope="row" fw={400}>{d.title}</Table.Th>
                    <Table.Td><Badge variant="light">{t(`coalitionBuilding.visibilities.${d.visibility}`)}</Badge></Table.Td>
                    <Table.Td>{d.tags.join(', ') || '—'}</Table.Td>
                    <Table.Td>{d.ownerName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor href={cbApi.fileUrl(slug, d.id)} download>{t('coalitionBuilding.library.download', { filename: d.filename })}</Anchor>
                      <Text size="xs" c="dimmed">{t('coalitionBuilding.library.versionSize', { version: d.currentVersion, kb: kb(d.size) })} · {t(`coalitionBuilding.library.textStatuses.${d.textStatus}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-sm" variant="default" leftSection={<IconHistory size={14} aria-hidden />} onClick={() => { setVersionsOf(d); setVersionsOpen(true); }} aria-label={t('coalitionBuilding.library.versionsOf', { title: d.title })}>
                          {t('coalitionBuilding.library.versions')}
                        </Button>
                        {mayEdit(d) && (
                          <ConfirmButton size="compact-sm" aria-label={t('coalitionBuilding.library.deleteOf', { title: d.title })} title={t('coalitionBuilding.library.deleteTitle')} body={t('coalitionBuilding.library.deleteBody', { title: d.title })} confirmLabel={t('coalitionBuilding.library.delete')} onConfirm={() => remove(d.id)}>
                            {t('coalitionBuilding.library.delete')}
                          </ConfirmButton>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={items.length} hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </Stack>
      )}
      {versionsOf && <VersionsDialog key={versionsOf.id} doc={versionsOf} opened={versionsOpen} mayEdit={mayEdit(versionsOf)} onClose={() => setVersionsOpen(false)} onUploaded={setVersionsOf} />}
    </>
  );
}
