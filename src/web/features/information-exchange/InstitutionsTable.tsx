import { Anchor, Progress, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { useNumbers } from '../labor-market/format';
import { TableScroll } from '../labor-market/TableScroll';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';

/** Institutions ranked by the share of skill demand their courses cover. */
export function InstitutionsTable() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const numbers = useNumbers();
  const list = useQuery({ queryKey: ixKeys.part(slug, 'institutions'), queryFn: () => ixApi.institutions(slug) });
  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = [...list.data.items].sort((a, b) => (b.demandCovered ?? -1) - (a.demandCovered ?? -1));
  if (items.length === 0) return <Text c="dimmed">{t('informationExchange.alignment.noInstitutions')}</Text>;
  return (
    <TableScroll label={t('informationExchange.alignment.institutionsCaption')} minWidth={820}>
      <Table striped fz="sm">
        <Table.Caption>{t('informationExchange.alignment.institutionsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('informationExchange.fields.institution')}</Table.Th>
            <Table.Th scope="col" ta="end">{t('informationExchange.fields.programs')}</Table.Th>
            <Table.Th scope="col" ta="end">{t('informationExchange.fields.courses')}</Table.Th>
            <Table.Th scope="col" ta="end">{t('informationExchange.fields.enrollment')}</Table.Th>
            <Table.Th scope="col" ta="end">{t('informationExchange.fields.completions')}</Table.Th>
            <Table.Th scope="col" ta="end">{t('informationExchange.alignment.demandedTaught')}</Table.Th>
            <Table.Th scope="col">{t('informationExchange.alignment.covered')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.institutionId}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={ixPaths.institution(slug, i.institutionId)} size="sm">
                  {i.name}
                </Anchor>
              </Table.Th>
              <Table.Td ta="end">
                <Anchor component={Link} to={`${ixPaths.programs(slug)}?institutionId=${i.institutionId}`} size="sm">
                  {i.programs}
                </Anchor>
              </Table.Td>
              <Table.Td ta="end">{i.courses}</Table.Td>
              <Table.Td ta="end">{numbers.integer(i.enrollment)}</Table.Td>
              <Table.Td ta="end">{numbers.integer(i.completions)}</Table.Td>
              <Table.Td ta="end">
                {i.demandedSkillsTaught} / {i.demandedSkills}
              </Table.Td>
              <Table.Td miw={140}>
                <Text size="xs">{numbers.percent(i.demandCovered)}</Text>
                <Progress value={i.demandCovered ?? 0} size="sm" aria-hidden />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
