import { Badge, Button, Card, Grid, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconEdit, IconLayoutKanban, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { OpportunityDto } from '../../../../shared/opportunities.contract';
import { useCoalition } from '../../../coalition/context';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { useFormatters } from '../../../i18n/format';
import { tpApi, tpKeys } from '../api';
import { useTpLabels } from '../labels';
import { tpPaths } from '../paths';
import { useViewer } from '../useViewer';
import { ApplyPanel } from './ApplyPanel';
import { JobPostingJsonLd } from './JobPostingJsonLd';

const day = (iso: string | null) => (iso ? `${iso}T12:00:00` : null);

/** An opportunity: details, skills, host, seats, deadline; students apply, hosts see applicants and candidates. */
export default function OpportunityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const viewer = useViewer();
  const query = useQuery({ queryKey: tpKeys.opportunity(slug, id), queryFn: () => tpApi.opportunity(slug, id) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const hosts = viewer.role === 'coordinator' || can.editDirectory || (viewer.isStaff && viewer.organizationId === o.employerId);

  return (
    <>
      {o.jobPosting && <JobPostingJsonLd data={o.jobPosting} />}
      <PageHeader
        title={o.title}
        description={o.employerName}
        back={{ to: tpPaths.board(slug), label: t('talentPipeline.board.title') }}
        actions={
          hosts ? (
            <>
              <Button component={Link} to={tpPaths.editOpportunity(slug, o.id)} variant="default" leftSection={<IconEdit size={16} aria-hidden />}>
                {t('talentPipeline.form.edit')}
              </Button>
              <Button component={Link} to={tpPaths.candidates(slug, o.id)} variant="default" leftSection={<IconUsers size={16} aria-hidden />}>
                {t('talentPipeline.opportunity.candidates')}
              </Button>
              <Button component={Link} to={`${tpPaths.pipeline(slug)}?opportunityId=${o.id}`} variant="default" leftSection={<IconLayoutKanban size={16} aria-hidden />}>
                {t('talentPipeline.opportunity.applicants')}
              </Button>
            </>
          ) : undefined
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Details o={o} />
            <Card withBorder padding="lg" component="section" aria-labelledby="tb-opp-skills">
              <Title order={2} size="h4" id="tb-opp-skills" mb="xs">
                {t('talentPipeline.opportunity.skills')}
              </Title>
              {o.skills.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('talentPipeline.opportunity.noSkills')}
                </Text>
              ) : (
                <List spacing={4}>
                  {o.skills.map((s) => (
                    <List.Item key={s.id}>
                      {s.name}{' '}
                      <Text span size="sm" c="dimmed">
                        ({t(`talentPipeline.importance.n${s.importance as 1}`)})
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>{viewer.role === 'student' && <ApplyPanel opportunity={o} />}</Grid.Col>
      </Grid>
    </>
  );
}

function Details({ o }: { o: OpportunityDto }) {
  const { t } = useTranslation();
  const l = useTpLabels();
  const f = useFormatters();
  const rows: [string, string][] = [
    [t('talentPipeline.opportunity.kind'), l.kind(o.kind)],
    [t('talentPipeline.opportunity.status'), l.opportunityStatus(o.status)],
    [t('talentPipeline.opportunity.host'), o.employerName],
    ...(o.institutionName ? ([[t('talentPipeline.opportunity.institution'), o.institutionName]] as [string, string][]) : []),
    [t('talentPipeline.opportunity.audience'), l.audiences(o.audiences)],
    [t('talentPipeline.opportunity.pathway'), o.pathway ?? '—'],
    [t('talentPipeline.opportunity.pay'), l.pay(o)],
    [t('talentPipeline.opportunity.seats'), o.seats === null ? '—' : t('talentPipeline.opportunity.seatsLeft', { left: Math.max(o.seats - o.seatsFilled, 0), seats: o.seats })],
    [t('talentPipeline.opportunity.deadline'), f.date(day(o.applicationDeadline)) || '—'],
    [t('talentPipeline.opportunity.dates'), o.startsOn ? `${f.date(day(o.startsOn))} – ${f.date(day(o.endsOn))}` : '—'],
    [t('talentPipeline.opportunity.hours'), o.hoursPerWeek === null ? '—' : t('talentPipeline.opportunity.hoursValue', { hours: o.hoursPerWeek })],
    [t('talentPipeline.opportunity.minimumAge'), o.minimumAge === null ? '—' : String(o.minimumAge)],
    [t('talentPipeline.opportunity.where'), [l.modality(o.modality), o.location].filter(Boolean).join(' · ')],
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-opp-details">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="tb-opp-details">
          {t('talentPipeline.opportunity.details')}
        </Title>
        {o.jobPosting && <Badge variant="outline">{t('talentPipeline.opportunity.published')}</Badge>}
      </Group>
      {o.description && (
        <Text size="sm" mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {o.description}
        </Text>
      )}
      <Table variant="vertical" layout="fixed" withTableBorder={false}>
        <Table.Caption className="tb-sr-only">{t('talentPipeline.opportunity.details')}</Table.Caption>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="40%">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
