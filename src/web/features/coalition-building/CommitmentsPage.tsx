import { Badge, Button, Group, Modal, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHeartHandshake, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commitmentCreateInput, commitmentStatuses, commitmentUpdateInput, type CommitmentDto, type CommitmentStatus } from '../../../shared/commitments.contract';
import { useCoalition } from '../../coalition/context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { StatusMessage } from '../../components/StatusMessage';
import { fieldErrors, useOrganizations } from './hooks';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { cbApi, cbKeys } from './api';

function StatusCell({ item }: { item: CommitmentDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (status: CommitmentStatus) => cbApi.setCommitmentStatus(slug, item.id, status),
    onSuccess: () => client.invalidateQueries({ queryKey: cbKeys.all(slug) }),
  });
  return (
    <>
      <NativeSelect
        aria-label={t('coalitionBuilding.commitments.statusOf', { title: item.title })}
        value={item.status}
        onChange={(e) => save.mutate(e.currentTarget.value as CommitmentStatus)}
        data={commitmentStatuses.map((s) => ({ value: s, label: t(`coalitionBuilding.commitmentStatuses.${s}`) }))}
        disabled={save.isPending}
        size="xs"
      />
      {save.isError && <ProblemAlert error={save.error} />}
    </>
  );
}

const CUSTOM = '';

/** A new commitment: a member, one of the things the paper asks of its type (or one's own words), a due date and a status. */
function NewCommitment() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const client = useQueryClient();
  const organizations = useOrganizations(slug);
  const templates = useQuery({ queryKey: cbKeys.templates(slug), queryFn: ({ signal }) => cbApi.templates(slug, signal), staleTime: Infinity });
  const empty = { organizationId: '', templateKey: CUSTOM, title: '', dueOn: '', status: 'open' as CommitmentStatus };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const orgs = [...(organizations.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const org = orgs.find((o) => o.id === values.organizationId);
  const forType = templates.data?.items.find((i) => i.organizationType === org?.type)?.templates ?? [];
  const refresh = () => client.invalidateQueries({ queryKey: cbKeys.all(slug) });
  const create = useMutation({
    mutationFn: (body: Parameters<typeof cbApi.createCommitment>[1]) => cbApi.createCommitment(slug, body),
    onSuccess: async (c) => {
      setValues({ ...empty, organizationId: values.organizationId });
      await refresh();
      setDone(t('coalitionBuilding.commitments.added', { title: c.title, member: c.organizationName }));
    },
  });
  const drawAll = useMutation({
    mutationFn: () => cbApi.commitmentsFromTemplates(slug, { organizationId: values.organizationId, dueOn: values.dueOn || null }),
    onSuccess: async (r) => {
      await refresh();
      setDone(t('coalitionBuilding.commitments.drawn', { count: r.items.length, member: org?.name ?? '' }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = { organizationId: values.organizationId, title: values.title, dueOn: values.dueOn || null, status: values.status, templateKey: values.templateKey || null };
    const parsed = commitmentCreateInput.safeParse(body);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    create.mutate(body);
  };
  const chooseTemplate = (key: string) => setValues({ ...values, templateKey: key, title: key ? (forType.find((tpl) => tpl.key === key)?.title ?? values.title) : values.title });
  return (
    <Paper withBorder p="md" mb="lg" component="form" onSubmit={submit} aria-labelledby="cb-new-commitment">
      <Title order={2} size="h4" id="cb-new-commitment" mb="xs">{t('coalitionBuilding.commitments.add')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('coalitionBuilding.commitments.addHint')}</Text>
      <StatusMessage message={done} onClose={() => setDone(null)} />
      {create.isError && <ProblemAlert error={create.error} />}
      {drawAll.isError && <ProblemAlert error={drawAll.error} />}
      {organizations.isError && <ProblemAlert error={organizations.error} />}
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('coalitionBuilding.commitments.member')}
            value={values.organizationId}
            onChange={(e) => setValues({ ...values, organizationId: e.currentTarget.value, templateKey: CUSTOM })}
            error={errors.organizationId}
            disabled={organizations.isPending}
            required
            data={[{ value: '', label: t('coalitionBuilding.commitments.chooseMember') }, ...orgs.map((o) => ({ value: o.id, label: o.name }))]}
            style={{ flex: '1 1 16rem' }}
          />
          <NativeSelect
            label={t('coalitionBuilding.commitments.fromTemplate')}
            value={values.templateKey}
            onChange={(e) => chooseTemplate(e.currentTarget.value)}
            disabled={!org}
            data={[{ value: CUSTOM, label: t('coalitionBuilding.commitments.ownWords') }, ...forType.map((tpl) => ({ value: tpl.key, label: tpl.title }))]}
            style={{ flex: '2 1 20rem' }}
          />
        </Group>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('coalitionBuilding.commitments.commitment')} description={t('coalitionBuilding.commitments.titleHint')} value={values.title} onChange={(e) => setValues({ ...values, title: e.currentTarget.value })} error={errors.title} required style={{ flex: '2 1 20rem' }} />
          <TextInput type="date" label={t('coalitionBuilding.commitments.due')} value={values.dueOn} onChange={(e) => setValues({ ...values, dueOn: e.currentTarget.value })} error={errors.dueOn} />
          <NativeSelect label={t('coalitionBuilding.commitments.status')} value={values.status} onChange={(e) => setValues({ ...values, status: e.currentTarget.value as CommitmentStatus })} data={commitmentStatuses.map((st) => ({ value: st, label: t(`coalitionBuilding.commitmentStatuses.${st}`) }))} />
        </Group>
        <Group gap="sm">
          <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>{t('coalitionBuilding.commitments.addButton')}</Button>
          <Button variant="default" disabled={!org || forType.length === 0} loading={drawAll.isPending} onClick={() => { setDone(null); drawAll.mutate(); }}>
            {t('coalitionBuilding.commitments.drawAll')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Edits a commitment in a dialog: wording, description, due date, status; the Council may remove it. */
function EditCommitment({ item }: { item: CommitmentDto }) {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const initial = { title: item.title, description: item.description ?? '', dueOn: item.dueOn ?? '', status: item.status };
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Parameters<typeof cbApi.updateCommitment>[2]) => cbApi.updateCommitment(slug, item.id, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: cbKeys.all(slug) });
      close();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { title: values.title, description: values.description.trim() || null, dueOn: values.dueOn || null, status: values.status };
    const parsed = commitmentUpdateInput.safeParse(body);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    save.mutate(body);
  };
  const remove = async () => {
    await cbApi.deleteCommitment(slug, item.id);
    await client.invalidateQueries({ queryKey: cbKeys.all(slug) });
  };
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => { setValues(initial); setErrors({}); save.reset(); open(); }} aria-label={t('coalitionBuilding.commitments.editOf', { title: item.title })}>
        {t('coalitionBuilding.commitments.edit')}
      </Button>
      <Modal.Root opened={opened} onClose={close} centered size="lg">
        <Modal.Overlay />
        <Modal.Content>
          <Modal.Header {...({ component: 'div' } as object)}>
            <Modal.Title>{t('coalitionBuilding.commitments.editTitle', { member: item.organizationName })}</Modal.Title>
            <Modal.CloseButton aria-label={t('common.close')} />
          </Modal.Header>
          <Modal.Body>
            <Stack component="form" onSubmit={submit} gap="sm">
              {save.isError && <ProblemAlert error={save.error} />}
              <TextInput label={t('coalitionBuilding.commitments.commitment')} value={values.title} onChange={(e) => setValues({ ...values, title: e.currentTarget.value })} error={errors.title} required data-autofocus />
              <Textarea label={t('coalitionBuilding.commitments.description')} value={values.description} onChange={(e) => setValues({ ...values, description: e.currentTarget.value })} error={errors.description} autosize minRows={2} />
              <Group align="flex-end" gap="sm">
                <TextInput type="date" label={t('coalitionBuilding.commitments.due')} value={values.dueOn} onChange={(e) => setValues({ ...values, dueOn: e.currentTarget.value })} error={errors.dueOn} />
                <NativeSelect label={t('coalitionBuilding.commitments.status')} value={values.status} onChange={(e) => setValues({ ...values, status: e.currentTarget.value as CommitmentStatus })} data={commitmentStatuses.map((st) => ({ value: st, label: t(`coalitionBuilding.commitmentStatuses.${st}`) }))} />
              </Group>
              <Group justify="space-between">
                {can.editDirectory ? (
                  <ConfirmButton title={t('coalitionBuilding.commitments.removeTitle')} body={t('coalitionBuilding.commitments.removeBody', { title: item.title })} confirmLabel={t('coalitionBuilding.commitments.remove')} onConfirm={remove}>
                    {t('coalitionBuilding.commitments.remove')}
                  </ConfirmButton>
                ) : <span />}
                <Group gap="sm">
                  <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
                  <Button type="submit" loading={save.isPending}>{t('coalitionBuilding.commitments.save')}</Button>
                </Group>
              </Group>
            </Stack>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}

export default function CommitmentsPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const [view, setView] = useState<'overdue' | 'all'>(can.coordinator ? 'overdue' : 'all');
  const overdue = view === 'overdue';
  const list = useInfiniteQuery({
    queryKey: cbKeys.commitments(slug, overdue),
    queryFn: ({ pageParam, signal }) => cbApi.commitments(slug, { overdue, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('coalitionBuilding.commitments.title')} description={can.editDirectory ? t('coalitionBuilding.commitments.intro') : t('coalitionBuilding.commitments.introOwn')} />
      {can.editDirectory && <NewCommitment />}
      <SegmentedControl
        mb="md"
        value={view}
        onChange={(v) => setView(v as 'overdue' | 'all')}
        data={[{ value: 'overdue', label: t('coalitionBuilding.commitments.overdue') }, { value: 'all', label: t('coalitionBuilding.commitments.all') }]}
        aria-label={t('coalitionBuilding.commitments.view')}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconHeartHandshake size={28} aria-hidden />} title={overdue ? t('coalitionBuilding.commitments.noneOverdue') : t('coalitionBuilding.commitments.none')} />
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{overdue ? t('coalitionBuilding.commitments.overdueCaption') : t('coalitionBuilding.commitments.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('coalitionBuilding.commitments.commitment')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.commitments.member')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.commitments.due')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.commitments.status')}</Table.Th>
                  <Table.Th scope="col"><span className="tb-sr-only">{t('common.actions')}</span></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={400}>
                      {c.title}
                      {c.description && <Text size="xs" c="dimmed">{c.description}</Text>}
                    </Table.Th>
                    <Table.Td>{c.organizationName}</Table.Td>
                    <Table.Td>
                      {c.dueOn ?? '—'}
                      {c.overdue && <Badge ml="xs" color="red" variant="light">{t('coalitionBuilding.commitments.daysOverdue', { count: c.daysOverdue })}</Badge>}
                    </Table.Td>
                    <Table.Td><StatusCell item={c} /></Table.Td>
                    <Table.Td><EditCommitment item={c} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={items.length} hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          <Text size="sm" c="dimmed">{t('coalitionBuilding.commitments.fromPaper')}</Text>
        </Stack>
      )}
    </>
  );
}
