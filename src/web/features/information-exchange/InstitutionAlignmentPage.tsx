import { Anchor, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { useNumbers } from '../labor-market/format';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { Figure, useIxLabels } from './ui';

/** One institution: its programs by the growth of the occupations they lead to, and demanded skills none of its courses teach. */
export default function InstitutionAlignmentPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { institutionId = '' } = useParams();
  const labels = useIxLabels();
  const numbers = useNumbers();
  const detail = useQuery({ queryKey: ixKeys.part(slug, 'institution', institutionId), queryFn: () => ixApi.institution(slug, institutionId) });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <QueryErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <>
      <PageHeader title={d.name} description={t('informationExchange.institution.intro')} back={{ to: ixPaths.alignment(slug), label: t('informationExchange.alignment.title') }} />
      <Card withBorder mb="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('informationExchange.fields.programs')} value={<Anchor component={Link} to={`${ixPaths.programs(slug)}?institutionId=${d.institutionId}`} fz="xl" fw={700}>{d.programs}</Anchor>} />
          <Figure label={t('informationExchange.fields.enrollment')} value={numbers.integer(d.enrollment)} />
          <Figure label={t('informationExchange.fields.completions')} value={numbers.integer(d.completions)} />
          <Figure label={t('informationExchange.alignment.covered')} value={numbers.percent(d.demandCovered)} hint={t('informationExchange.institution.taughtOf', { taught: d.demandedSkillsTaught, total: d.demandedSkills })} />
        </SimpleGrid>
      </Card>

      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.institution.byGrowth')}
      </Title>
      {d.programsByGrowth.length === 0 ? (
        <Text c="dimmed" mb="lg">{t('informationExchange.programs.emptyTitle')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped mb="lg" fz="sm">
            <Table.Caption>{t('informationExchange.institution.byGrowthCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('informationExchange.fields.program')}</Table.Th>
                <Table.Th scope="col">{t('informationExchange.fields.awardLevel')}</Table.Th>
                <Table.Th scope="col" ta="end">{t('informationExchange.alignment.growth')}</Table.Th>
                <Table.Th scope="col">{t('informationExchange.institution.leadsTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.programsByGrowth.map((p) => (
                <Table.Tr key={p.programId}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={ixPaths.program(slug, p.programId)}>
                      {p.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{labels.award(p.awardLevel)}</Table.Td>
                  <Table.Td ta="end">{numbers.change(p.bestGrowth)}</Table.Td>
                  <Table.Td>
                    {p.occupations.length === 0
                      ? t('informationExchange.institution.noOccupations')
                      : p.occupations.map((o, i) => (
                          <span key={o.soc}>
                            {i > 0 && ', '}
                            <Anchor component={Link} to={ixPaths.occupation(slug, o.soc)} size="sm">
                              {o.title}
                            </Anchor>{' '}
                            ({numbers.change(o.percentChange)})
                          </span>
                        ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.institution.missing')}
      </Title>
      {d.missingSkills.length === 0 ? (
        <Text c="dimmed">{t('informationExchange.institution.noMissing')}</Text>
      ) : (
        <Table striped fz="sm">
          <Table.Caption>{t('informationExchange.institution.missingCaption', { name: d.name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('informationExchange.fields.skill')}</Table.Th>
              <Table.Th scope="col">{t('informationExchange.fields.kind')}</Table.Th>
              <Table.Th scope="col" ta="end">{t('informationExchange.fields.demand')}</Table.Th>
              <Table.Th scope="col" ta="end">{t('informationExchange.alignment.needsCol')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.missingSkills.map((s) => (
              <Table.Tr key={s.skillId}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={ixPaths.skill(slug, s.skillId)}>
                    {s.skill}
                  </Anchor>
                </Table.Th>
                <Table.Td>{labels.kind(s.kind)}</Table.Td>
                <Table.Td ta="end">{s.demand}</Table.Td>
                <Table.Td ta="end">{s.needs}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
