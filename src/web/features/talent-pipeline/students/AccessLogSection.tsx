import { Card, List, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { QueryErrorState } from '../../../components/QueryState';
import { useFormatters } from '../../../i18n/format';
import { tpApi, tpKeys } from '../api';

/** Who read the record, when and why: the latest 20 reads (the full log is in the export). */
export function AccessLogSection({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const f = useFormatters();
  const log = useQuery({ queryKey: tpKeys.accessLog(slug, studentId), queryFn: () => tpApi.accessLog(slug, studentId) });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-student-log">
      <Title order={2} size="h4" id="tb-student-log" mb="xs">
        {t('talentPipeline.accessLog.title')}
      </Title>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <QueryErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <Text size="sm">{t('talentPipeline.accessLog.none')}</Text>
      ) : (
        <List spacing={4} size="sm">
          {log.data.items.map((e) => (
            <List.Item key={e.id}>
              {t('talentPipeline.accessLog.entry', { who: e.actorName ?? t('talentPipeline.accessLog.someone'), org: e.organizationName ?? '—', when: f.dateTime(e.at), why: e.reason })}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
