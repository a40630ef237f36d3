import { Anchor, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { Dash, Figure, SkillList, useIxLabels } from './ui';

/** A program: award, CIP and the occupations it leads to, outcomes by year, and its courses with their skills. */
export default function ProgramDetailPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { id = '' } = useParams();
  const labels = useIxLabels();
  const program = useQuery({ queryKey: ixKeys.part(slug, 'program', id), queryFn: () => ixApi.program(slug, id) });
  if (program.isPending) return <Loading />;
  if (program.isError) return <QueryErrorState error={program.error} onRetry={() => void program.refetch()} />;
  const p = program.data;
  return (
    <>
      <PageHeader title={p.title} description={p.description ?? undefined} back={{ to: ixPaths.programs(slug), label: t('informationExchange.programs.title') }} />
      <Card withBorder mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Figure label={t('informationExchange.fields.institution')} value={<Anchor component={Link} to={ixPaths.institution(slug, p.institutionId)} fz="lg">{p.institutionName}</Anchor>} />
          <Figure label={t('informationExchange.fields.awardLevel')} value={labels.award(p.awardLevel)} hint={p.pathway} />
          <Figure label={t('informationExchange.fields.cip')} value={p.cip ?? '—'} hint={p.cipTitle} />
          <Figure label={t('informationExchange.fields.partners')} value={p.partners.length} hint={p.partners.map((x) => x.name).join(', ')} />
        </SimpleGrid>
        {p.occupations.length > 0 && (
          <Group gap="xs" mt="md">
            <Text size="sm" fw={700}>
              {t('informationExchange.programs.leadsTo')}
            </Text>
            {p.occupations.map((o) => (
              <Anchor key={o.soc} component={Link} to={ixPaths.occupation(slug, o.soc)} size="sm">
                {o.soc} {o.title}
              </Anchor>
            ))}
          </Group>
        )}
      </Card>

      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.fields.courses')}
      </Title>
      {p.courses.length === 0 ? (
        <Text c="dimmed" mb="lg">{t('informationExchange.programs.noCourses')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped mb="lg" verticalSpacing="sm">
            <Table.Caption>{t('informationExchange.programs.coursesCaption', { title: p.title })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('informationExchange.fields.course')}</Table.Th>
                <Table.Th scope="col" ta="end">{t('informationExchange.fields.annualEnrollment')}</Table.Th>
                <Table.Th scope="col">{t('informationExchange.fields.skillsTaught')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.courses.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={ixPaths.course(slug, c.id)}>
                      {c.code ? `${c.code} ` : ''}
                      {c.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td ta="end">{c.annualEnrollment ?? <Dash />}</Table.Td>
                  <Table.Td>
                    <SkillList skills={c.skillRefs.map((s) => ({ id: s.id, name: s.name }))} to={(sid) => ixPaths.skill(slug, sid)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Title order={2} size="h4" mb="xs">
        {t('informationExchange.programs.outcomes')}
      </Title>
      {p.outcomes.length === 0 ? (
        <Text c="dimmed">{t('informationExchange.programs.noOutcomes')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Caption>{t('informationExchange.programs.outcomesCaption', { title: p.title })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('informationExchange.fields.year')}</Table.Th>
                <Table.Th scope="col" ta="end">{t('informationExchange.fields.enrollment')}</Table.Th>
                <Table.Th scope="col" ta="end">{t('informationExchange.fields.completions')}</Table.Th>
                <Table.Th scope="col">{t('informationExchange.fields.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.outcomes.map((o) => (
                <Table.Tr key={o.year}>
                  <Table.Th scope="row">{o.year}</Table.Th>
                  <Table.Td ta="end">{o.enrollment ?? <Dash />}</Table.Td>
                  <Table.Td ta="end">{o.completions ?? <Dash />}</Table.Td>
                  <Table.Td>{o.source ?? <Dash />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
