import { Anchor, Badge, Button, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { metricsApi, metricsKeys } from './api';
import { formatMetric } from './format';

/** A calendar day (or span of days) as the reader's language writes it; the dates carry no time zone. */
function formatDays(startsOn: string, endsOn: string | null, language: string): string {
  const f = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const start = new Date(`${startsOn}T00:00:00Z`);
  return endsOn && endsOn !== startsOn ? f.formatRange(start, new Date(`${endsOn}T00:00:00Z`)) : f.format(start);
}

/** The coalition's public page (no sign-in): mission, priorities, progress, recognized partners, public events, open opportunities. */
export default function PublicCoalitionPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const query = useQuery({ queryKey: metricsKeys.public(slug), queryFn: () => metricsApi.publicCoalition(slug) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  return (
    <>
      <PageHeader title={p.name} description={t('metrics.public.description', { region: p.region, year: p.year })} />
      <Stack gap="lg">
        {p.mission && (
          <section aria-labelledby="public-mission">
            <Title order={2} size="h4" id="public-mission">{t('metrics.public.mission')}</Title>
            <Text>{p.mission}</Text>
          </section>
        )}
        <section aria-labelledby="public-progress">
          <Title order={2} size="h4" id="public-progress" mb="xs">{t('metrics.public.progress')}</Title>
          <Table withTableBorder striped>
            <Table.Caption>{t('metrics.chart.caption', { year: p.year })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('metrics.table.metric')}</Table.Th>
                <Table.Th scope="col">{t('metrics.table.target')}</Table.Th>
                <Table.Th scope="col">{t('metrics.table.actual')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.metrics.map((m) => (
                <Table.Tr key={m.key}>
                  <Table.Th scope="row" fw={500}>{t(`metrics.metricKeys.${m.key}`)}</Table.Th>
                  <Table.Td>{m.target === null ? '—' : formatMetric(m.target, m.unit, i18n.language)}</Table.Td>
                  <Table.Td>{m.actual === null ? t('metrics.table.noData') : formatMetric(m.actual, m.unit, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="xs">{t('metrics.public.roadmap', p.roadmap)}</Text>
          <Button component="a" href={metricsApi.annualReportUrl(slug, p.year)} variant="light" mt="sm">{t('metrics.public.report')}</Button>
        </section>
        <section aria-labelledby="public-priorities">
          <Title order={2} size="h4" id="public-priorities" mb="xs">{t('metrics.public.priorities')}</Title>
          {p.priorities.length === 0 ? <Text c="gray.7">{t('metrics.public.noPriorities')}</Text> : <List>{p.priorities.map((x) => <List.Item key={x.title}>{x.title}</List.Item>)}</List>}
        </section>
        <section aria-labelledby="public-partners">
          <Title order={2} size="h4" id="public-partners" mb="xs">{t('metrics.public.partners')}</Title>
          {p.recognizedPartners.length === 0 ? (
            <Text c="gray.7">{t('metrics.public.noPartners')}</Text>
          ) : (
            <List>
              {p.recognizedPartners.map((x) => (
                <List.Item key={x.credentialUrl}>
                  {x.organizationName} <Badge variant="light">{t(`metrics.tiers.${x.tier}`)} {x.year}</Badge>{' '}
                  <Anchor href={x.credentialUrl} aria-label={t('metrics.recognition.credentialOf', { name: x.organizationName })}>{t('metrics.public.verify')}</Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </section>
        <section aria-labelledby="public-events">
          <Title order={2} size="h4" id="public-events" mb="xs">{t('metrics.public.events')}</Title>
          {p.publicEvents.length === 0 ? (
            <Text c="gray.7">{t('metrics.public.noEvents')}</Text>
          ) : (
            <Table withTableBorder striped>
              <Table.Caption>{t('metrics.public.eventsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('metrics.public.event')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.public.when')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.public.host')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.public.where')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.publicEvents.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Th scope="row" fw={500}>
                      {e.title} <Badge variant="outline" color="gray.8">{t(`metrics.public.eventKinds.${e.kind}`, { defaultValue: e.kind })}</Badge>
                    </Table.Th>
                    <Table.Td>{formatDays(e.startsOn, e.endsOn, i18n.language)}</Table.Td>
                    <Table.Td>{e.hostName}</Table.Td>
                    <Table.Td>{[e.location, t(`metrics.public.modality.${e.modality}`, { defaultValue: e.modality })].filter(Boolean).join(' · ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        <section aria-labelledby="public-opportunities">
          <Title order={2} size="h4" id="public-opportunities" mb="xs">{t('metrics.public.opportunities')}</Title>
          {p.openOpportunities.length === 0 ? (
            <Text c="gray.7">{t('metrics.public.noOpportunities')}</Text>
          ) : (
            <List>
              {p.openOpportunities.map((o) => (
                <List.Item key={o.id}>
                  <Text span fw={500}>{o.title}</Text> — {o.employerName}
                  {o.startsOn && <Text span c="gray.7" size="sm"> ({t('metrics.public.startsOn', { date: o.startsOn })})</Text>}
                </List.Item>
              ))}
            </List>
          )}
        </section>
      </Stack>
    </>
  );
}
