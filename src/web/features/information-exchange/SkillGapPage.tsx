import { Anchor, Card, List, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { Dash, Figure, StatusBadge, useIxLabels } from './ui';

/** One skill's gap and the records behind each number: the needs (demand) and the courses (supply). */
export default function SkillGapPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { skillId = '' } = useParams();
  const labels = useIxLabels();
  const detail = useQuery({ queryKey: ixKeys.part(slug, 'skill-gap', 'detail', skillId), queryFn: () => ixApi.skillGapDetail(slug, skillId) });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <QueryErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <>
      <PageHeader
        title={d.skill}
        documentTitle={t('informationExchange.skillGap.docTitle', { skill: d.skill })}
        description={t('informationExchange.skillGap.intro', { kind: labels.kind(d.kind) })}
        back={{ to: ixPaths.alignment(slug), label: t('informationExchange.alignment.title') }}
      />
      <Card withBorder mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('informationExchange.fields.demand')} value={d.demand} hint={t('informationExchange.skillGap.demandHint', { needs: d.needs, positions: d.positions })} />
          <Figure label={t('informationExchange.fields.supply')} value={d.supply} hint={t('informationExchange.skillGap.supplyHint', { courses: d.courses, institutions: d.institutions })} />
          <Figure label={t('informationExchange.fields.gap')} value={d.gap} />
        </SimpleGrid>
      </Card>

      <Title order={2} size="h4" mb="xs" id="demand">
        {t('informationExchange.skillGap.demandFrom')}
      </Title>
      {d.demandFrom.length === 0 ? (
        <Text c="dimmed" mb="lg">{t('informationExchange.skillGap.noDemand')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped mb="lg" fz="sm">
            <Table.Caption>{t('informationExchange.skillGap.demandCaption', { skill: d.skill })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('informationExchange.fields.need')}</Table.Th>
                <Table.Th scope="col">{t('informationExchange.fields.employer')}</Table.Th>
                <Table.Th scope="col" ta="end">{t('informationExchange.fields.positions')}</Table.Th>
                <Table.Th scope="col">{t('informationExchange.fields.importance')}</Table.Th>
                <Table.Th scope="col" ta="end">{t('informationExchange.fields.weight')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.demandFrom.map((n) => (
                <Table.Tr key={n.needId}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={ixPaths.need(slug, n.needId)}>
                      {n.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <Anchor component={Link} to={ixPaths.profile(slug, n.employerId)}>
                      {n.employerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="end">{n.positions}</Table.Td>
                  <Table.Td>{labels.importance(n.importance)}</Table.Td>
                  <Table.Td ta="end">{n.weight}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Title order={2} size="h4" mb="xs" id="supply">
        {t('informationExchange.skillGap.supplyFrom')}
      </Title>
      {d.supplyFrom.length === 0 ? (
        <Text c="dimmed" mb="lg">{t('informationExchange.skillGap.noSupply')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped mb="lg" fz="sm">
            <Table.Caption>{t('informationExchange.skillGap.supplyCaption', { skill: d.skill })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('informationExchange.fields.course')}</Table.Th>
                <Table.Th scope="col">{t('informationExchange.fields.institution')}</Table.Th>
                <Table.Th scope="col">{t('informationExchange.fields.program')}</Table.Th>
                <Table.Th scope="col" ta="end">{t('informationExchange.fields.weight')}</Table.Th>
                <Table.Th scope="col">{t('informationExchange.skillGap.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.supplyFrom.map((c) => (
                <Table.Tr key={c.courseId}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={ixPaths.course(slug, c.courseId)}>
                      {c.code ? `${c.code} ` : ''}
                      {c.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{c.institutionName}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={ixPaths.program(slug, c.programId)}>
                      {c.programTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="end">{c.weight}</Table.Td>
                  <Table.Td>
                    {c.since?.proposalId ? (
                      <Anchor component={Link} to={ixPaths.proposal(slug, c.since.proposalId)}>
                        {t('informationExchange.skillGap.sinceProposal', { version: c.since.version, title: c.since.proposalTitle ?? '' })}
                      </Anchor>
                    ) : c.since ? (
                      t('informationExchange.courses.versionN', { n: c.since.version })
                    ) : (
                      <Dash />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.skillGap.proposals')}
      </Title>
      {d.proposals.length === 0 ? (
        <Text c="dimmed" mb="lg">{t('informationExchange.skillGap.noProposals')}</Text>
      ) : (
        <List mb="lg">
          {d.proposals.map((p) => (
            <List.Item key={p.id}>
              <Anchor component={Link} to={ixPaths.proposal(slug, p.id)}>
                {p.title}
              </Anchor>{' '}
              ({t(`informationExchange.skillGap.change.${p.change}`)}) <StatusBadge status={p.status} />
            </List.Item>
          ))}
        </List>
      )}

      {d.occupations.length > 0 && (
        <>
          <Title order={2} size="h4" mb="xs">
            {t('informationExchange.skillGap.occupations')}
          </Title>
          <List>
            {d.occupations.map((o) => (
              <List.Item key={o.soc}>
                <Anchor component={Link} to={ixPaths.occupation(slug, o.soc)}>
                  {o.soc}
                </Anchor>
                {o.importance !== null ? ` · ${t('informationExchange.skillGap.importance', { value: o.importance })}` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </>
  );
}
