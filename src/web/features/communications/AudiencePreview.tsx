import { Badge, Group, List, Paper, Progress, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCoalition } from '../../coalition/context';
import { QueryErrorState } from '../../components/QueryState';
import { audienceIsEmpty, type AudienceValue } from '../meetings/AudienceFields';
import { commsApi, commsKeys } from './api';

/** Who the announcement would reach, before anything is sent: e-mailed, in-app only (opted out or no address), and some names. */
export function AudiencePreview({ audience }: { audience: AudienceValue }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [debounced] = useDebouncedValue(audience, 400);
  const empty = audienceIsEmpty(debounced);
  const preview = useQuery({
    queryKey: commsKeys.preview(slug, debounced),
    queryFn: ({ signal }) => commsApi.preview(slug, { audience: { ...debounced, personIds: [] } }, signal),
    enabled: !empty,
    placeholderData: keepPreviousData,
  });
  const p = preview.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preview-heading">
      <Title order={2} size="h4" id="preview-heading" mb="xs">
        {t('communications.preview.title')}
      </Title>
      <div aria-live="polite" aria-atomic="true" aria-busy={preview.isFetching}>
        {empty ? (
          <Text c="dimmed" size="sm">{t('communications.preview.chooseSegment')}</Text>
        ) : preview.isError ? (
          <QueryErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        ) : !p ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : p.total === 0 ? (
          <Text size="sm" data-testid="audience-total">{t('communications.preview.nobody')}</Text>
        ) : (
          <>
            <Text fw={600} data-testid="audience-total">{t('communications.preview.total', { count: p.total })}</Text>
            <Progress.Root size="lg" mt="xs" mb="xs" aria-hidden>
              <Progress.Section value={(p.mailable / p.total) * 100} color="teal.8" />
              <Progress.Section value={(p.optedOut / p.total) * 100} color="orange.8" />
              <Progress.Section value={(p.withoutEmail / p.total) * 100} color="gray.6" />
            </Progress.Root>
            <List size="sm" spacing={2}>
              <List.Item icon={<Badge size="xs" color="teal.8" circle aria-hidden> </Badge>}>{t('communications.preview.mailable', { count: p.mailable })}</List.Item>
              <List.Item icon={<Badge size="xs" color="orange.8" circle aria-hidden> </Badge>}>{t('communications.preview.optedOut', { count: p.optedOut })}</List.Item>
              <List.Item icon={<Badge size="xs" color="gray.6" circle aria-hidden> </Badge>}>{t('communications.preview.withoutEmail', { count: p.withoutEmail })}</List.Item>
            </List>
            <Text size="sm" mt="sm" fw={600}>{t('communications.preview.sample')}</Text>
            <Group gap={6} mt={4}>
              {p.sample.map((m) => (
                <Badge key={m.id} variant="light" color="dark" tt="none" title={m.organizationName ?? undefined}>
                  {m.name}
                  {m.mailable ? '' : ` · ${t('communications.preview.inAppOnly')}`}
                </Badge>
              ))}
              {p.total > p.sample.length && <Text size="sm">{t('communications.preview.andMore', { count: p.total - p.sample.length })}</Text>}
            </Group>
          </>
        )}
      </div>
    </Paper>
  );
}
