import { Anchor, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { useNumbers } from '../labor-market/format';
import { lmPaths } from '../labor-market/paths';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';
import { Figure, useIxLabels } from './ui';

/** One occupation's gap: the projections, declared needs and programs behind its figures. */
export default function OccupationGapPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { soc = '' } = useParams();
  const labels = useIxLabels();
  const numbers = useNumbers();
  const detail = useQuery({ queryKey: ixKeys.part(slug, 'occupation-gap', 'detail', soc), queryFn: () => ixApi.occupationGapDetail(slug, soc) });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <QueryErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <>
      <PageHeader title={d.title} description={`SOC ${d.soc}`} back={{ to: ixPaths.alignment(slug), label: t('informationExchange.alignment.title') }} />
      <Card withBorder mb="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('informationExchange.fields.demand')} value={numbers.integer(d.demand)} hint={t('informationExchange.occupationGap.demandHint')} />
          <Figure label={t('informationExchange.fields.supply')} value={numbers.integer(d.supply)} />
          <Figure label={t('informationExchange.alignment.pipeline')} value={numbers.integer(d.pipeline)} />
          <Figure label={t('informationExchange.fields.gap')} value={numbers.integer(d.gap)} hint={numbers.change(d.percentChange)} />
        </SimpleGrid>
        <Anchor component={Link} to={lmPaths.occupation(slug, d.soc)} size="sm" mt="sm" display="inline-block">
          {t('informationExchange.occupationGap.laborMarket')}
        </Anchor>
      </Card>
      {d.flags.map((f) => (
        <Text key={f.code} size="sm" c="dark.7" mb="xs">
          {f.message}
        </Text>
      ))}

      <Title order={2} size="h4" mb="xs" id="projections">
        {t('informationExchange.occupationGap.projections')}
      </Title>
      {d.projections.length === 0 ? (
        <Text c="dimmed" mb="lg">{t('informationExchange.occupationGap.noProjections')}</Text>
      ) : (
        <Table striped mb="lg" fz="sm">
          <Table.Caption>{t('informationExchange.occupationGap.projectionsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">SOC</Table.Th>
              <Table.Th scope="col">{t('informationExchange.fields.title')}</Table.Th>
              <Table.Th scope="col" ta="end">{t('informationExchange.alignment.openings')}</Table.Th>
              <Table.Th scope="col" ta="end">{t('informationExchange.occupationGap.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.projections.map((p) => (
              <Table.Tr key={`${p.socVersion}-${p.soc}`}>
                <Table.Th scope="row" fw={400}>
                  {p.soc} ({p.socVersion})
                </Table.Th>
                <Table.Td>{p.title}</Table.Td>
                <Table.Td ta="end">{numbers.integer(p.openings)}</Table.Td>
                <Table.Td ta="end">{numbers.decimal(p.share)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={2} size="h4" mb="xs" id="demand">
        {t('informationExchange.occupationGap.needs')}
      </Title>
      {d.demandFrom.length === 0 ? (
        <Text c="dimmed" mb="lg">{t('informationExchange.occupationGap.noNeeds')}</Text>
      ) : (
        <Table striped mb="lg" fz="sm">
          <Table.Caption>{t('informationExchange.occupationGap.needsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('informationExchange.fields.need')}</Table.Th>
              <Table.Th scope="col">{t('informationExchange.fields.employer')}</Table.Th>
              <Table.Th scope="col" ta="end">{t('informationExchange.fields.positions')}</Table.Th>
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
                <Table.Td>{n.employerName}</Table.Td>
                <Table.Td ta="end">{n.positions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={2} size="h4" mb="xs" id="supply">
        {t('informationExchange.occupationGap.programs')}
      </Title>
      {d.supplyFrom.length === 0 ? (
        <Text c="dimmed">{t('informationExchange.occupationGap.noPrograms')}</Text>
      ) : (
        <Table striped fz="sm">
          <Table.Caption>{t('informationExchange.occupationGap.programsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('informationExchange.fields.program')}</Table.Th>
              <Table.Th scope="col">{t('informationExchange.fields.institution')}</Table.Th>
              <Table.Th scope="col">{t('informationExchange.fields.awardLevel')}</Table.Th>
              <Table.Th scope="col">CIP</Table.Th>
              <Table.Th scope="col" ta="end">{t('informationExchange.fields.completions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.supplyFrom.map((p) => (
              <Table.Tr key={p.programId}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={ixPaths.program(slug, p.programId)}>
                    {p.title}
                  </Anchor>
                </Table.Th>
                <Table.Td>{p.institutionName}</Table.Td>
                <Table.Td>{labels.award(p.awardLevel)}</Table.Td>
                <Table.Td>{p.cip}</Table.Td>
                <Table.Td ta="end">
                  {numbers.integer(p.completions)}
                  {p.year ? ` (${p.year})` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
