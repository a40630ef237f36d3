import { Alert, Box, Button, Card, Group, Input, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useNumbers } from '../labor-market/format';
import '../labor-market/labor-market.css';
import { ImportProgress } from './ImportProgress';
import { ImportStatusPanel } from './ImportStatusPanel';
import { contentTypeOf, IMPORT_GROUPS, IMPORT_KINDS } from './kinds';
import { RecentImports } from './RecentImports';
import { MAX_IMPORT_BYTES, uploadImport } from './upload';

const FILE_INPUT_ID = 'tb-import-file';
const ACCEPT = '.csv,.tsv,.txt,.tab,text/csv,text/tab-separated-values,text/plain';

/** Imports: choose a kind and a file, watch the import's progress, then its result or every bad row. */
export default function ImportsPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const n = useNumbers();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const allowed = IMPORT_KINDS.filter((k) => can[k.who]);
  const requestedKind = params.get('kind') ?? '';
  const kind = allowed.find((k) => k.kind === requestedKind);
  const selected = params.get('import');

  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [errors, setErrors] = useState<{ kind?: string; file?: string }>({});
  const [upload, setUpload] = useState<{ loaded: number; total: number } | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [fresh, setFresh] = useState<Record<string, string>>({});
  const abort = useRef<AbortController | null>(null);
  const [focusStatus, setFocusStatus] = useState(false);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key !== 'import', preventScrollReset: true },
    );

  useEffect(() => () => abort.current?.abort(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: typeof errors = {};
    if (!kind) problems.kind = t('imports.form.chooseKind');
    if (!file) problems.file = t('imports.form.chooseFile');
    else if (file.size === 0) problems.file = t('imports.form.emptyFile');
    else if (file.size > MAX_IMPORT_BYTES) problems.file = t('imports.form.tooLarge', { max: n.size(MAX_IMPORT_BYTES) });
    setErrors(problems);
    setUploadError(null);
    if (!kind || !file || problems.kind || problems.file) {
      document.getElementById(problems.kind ? 'tb-import-kind' : FILE_INPUT_ID)?.focus();
      return;
    }
    abort.current = new AbortController();
    setUpload({ loaded: 0, total: file.size });
    try {
      const { id } = await uploadImport(slug, kind.kind, file, contentTypeOf(kind), (loaded, total) => setUpload({ loaded, total }), abort.current.signal);
      setFresh((f) => ({ ...f, [id]: file.name }));
      setFile(null);
      setFileKey((k) => k + 1);
      setParam('import', id);
      setFocusStatus(true);
      void queryClient.invalidateQueries({ queryKey: keys.imports(slug) });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setUploadError(e);
    } finally {
      setUpload(null);
      abort.current = null;
    }
  };

  const groups = IMPORT_GROUPS.map((group) => ({
    group: t(`imports.groups.${group}`),
    items: allowed.filter((k) => k.group === group).map((k) => ({ value: k.kind, label: t(`imports.kinds.${k.key}.label`) })),
  })).filter((g) => g.items.length > 0);

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.intro')} />
      <Stack gap="xl">
        {allowed.length === 0 ? (
          <Alert color="blue" variant="light" role="none" icon={<IconInfoCircle aria-hidden />}>
            {t('imports.noKinds')}
          </Alert>
        ) : (
          <Card withBorder padding="lg" component="section" aria-labelledby="tb-import-new" maw={860}>
            <Title order={2} size="h4" id="tb-import-new" mb="xs">
              {t('imports.form.title')}
            </Title>
            <List size="sm" c="dimmed" mb="md" spacing={2}>
              <List.Item>{t('imports.form.allOrNothing')}</List.Item>
              <List.Item>{t('imports.form.reimport')}</List.Item>
            </List>
            <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="tb-import-new">
              <Stack gap="md">
                <NativeSelect
                  id="tb-import-kind"
                  label={t('imports.form.kind')}
                  required
                  value={kind?.kind ?? ''}
                  onChange={(e) => {
                    setParam('kind', e.currentTarget.value || null);
                    setErrors((x) => ({ ...x, kind: undefined }));
                  }}
                  data={[{ value: '', label: t('imports.form.kindPlaceholder') }, ...groups]}
                  error={errors.kind}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  description={
                    kind ? (
                      <Box component="span" display="block" mt={4}>
                        <Text span size="sm" display="block" c="var(--mantine-color-text)">
                          {t(`imports.kinds.${kind.key}.description`)}
                        </Text>
                        <Text span size="xs" display="block" mt={2}>
                          {kind.format === 'tsv' ? t('imports.form.formatTsv') : t('imports.form.formatCsv')} · {kind.who === 'coordinator' ? t('imports.form.whoCoordinator') : t('imports.form.whoEditors')}
                        </Text>
                      </Box>
                    ) : undefined
                  }
                />
                <Input.Wrapper id={FILE_INPUT_ID} label={t('imports.form.file')} required description={t('imports.form.fileHint', { max: n.size(MAX_IMPORT_BYTES) })} error={errors.file} inputWrapperOrder={['label', 'description', 'input', 'error']}>
                  <Box mt={4}>
                    <input
                      key={fileKey}
                      id={FILE_INPUT_ID}
                      type="file"
                      accept={ACCEPT}
                      className="tb-file-input"
                      aria-invalid={errors.file ? true : undefined}
                      aria-describedby={[`${FILE_INPUT_ID}-description`, errors.file ? `${FILE_INPUT_ID}-error` : null].filter(Boolean).join(' ')}
                      onChange={(e) => {
                        setFile(e.currentTarget.files?.[0] ?? null);
                        setErrors((x) => ({ ...x, file: undefined }));
                      }}
                    />
                  </Box>
                </Input.Wrapper>
                {file && (
                  <Text size="sm" c="dimmed">
                    {t('imports.form.chosen', { name: file.name, size: n.size(file.size) })}
                  </Text>
                )}
                {upload && <ImportProgress label={t('imports.progress.uploading', { loaded: n.size(upload.loaded), total: n.size(upload.total) })} percent={upload.total ? (upload.loaded / upload.total) * 100 : null} testId="upload-progress" />}
                {uploadError != null && <ProblemAlert error={uploadError} />}
                <Group gap="sm">
                  <Button type="submit" leftSection={<IconUpload size={16} aria-hidden />} loading={!!upload}>
                    {t('imports.form.submit')}
                  </Button>
                  {upload && (
                    <Button variant="default" onClick={() => abort.current?.abort()}>
                      {t('imports.form.cancelUpload')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </form>
          </Card>
        )}

        {selected && (
          <ImportStatusPanel key={selected} id={selected} fileName={fresh[selected]} fresh={selected in fresh} focusOnLoad={focusStatus} onFocused={() => setFocusStatus(false)} />
        )}

        <RecentImports
          selected={selected}
          onShow={(id) => {
            setParam('import', id);
            setFocusStatus(true);
          }}
        />
      </Stack>
    </>
  );
}

