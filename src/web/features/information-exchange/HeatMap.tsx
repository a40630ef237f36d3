import { Anchor, NativeSelect, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { TableScroll } from '../labor-market/TableScroll';
import { ixApi, ixKeys } from './api';
import { ixPaths } from './paths';

const BASE = [24, 100, 171];

/** Background of a cell whose share of the row's largest value is `share`, with text that stays readable (WCAG AA). */
export function heat(share: number): { background: string; color: string } {
  const a = Math.max(0, Math.min(1, share));
  const rgb = BASE.map((c) => Math.round(255 - a * (255 - c)));
  const lum = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * lum[0]! + 0.7152 * lum[1]! + 0.0722 * lum[2]!;
  return { background: `rgb(${rgb.join(',')})`, color: l >= 0.179 ? '#1a1b1e' : '#ffffff' };
}

/**
 * The heat map: the most demanded skills (rows) × institutions (columns), each cell the students a year
 * its courses teaching the skill enroll. Demand and gap close each row; every number opens the skill's
 * records. A table, so it reads as one too.
 */
export function HeatMap() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [limit, setLimit] = useState(20);
  const map = useQuery({ queryKey: ixKeys.part(slug, 'heatmap', limit), queryFn: () => ixApi.heatmap(slug, limit), placeholderData: keepPreviousData });
  if (map.isPending) return <Loading />;
  if (map.isError) return <QueryErrorState error={map.error} onRetry={() => void map.refetch()} />;
  const { skills, institutions, cells } = map.data;
  const cell = new Map(cells.map((c) => [`${c.skillId}|${c.institutionId}`, c]));
  const max = Math.max(1, ...cells.map((c) => c.supply));
  const maxGap = Math.max(1, ...skills.map((s) => Math.abs(s.gap)));
  return (
    <>
      <NativeSelect
        label={t('informationExchange.alignment.heatRows')}
        value={String(limit)}
        onChange={(e) => setLimit(Number(e.currentTarget.value))}
        data={['10', '20', '30', '50'].map((v) => ({ value: v, label: v }))}
        w={200}
        mb="sm"
      />
      {skills.length === 0 ? (
        <Text c="dimmed">{t('informationExchange.alignment.noSkills')}</Text>
      ) : (
        <TableScroll label={t('informationExchange.alignment.heatCaption')} minWidth={260 + institutions.length * 90} maxHeight={640}>
          <Table withTableBorder withColumnBorders fz="sm" className="ix-heatmap">
            <Table.Caption>{t('informationExchange.alignment.heatCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('informationExchange.fields.skill')}</Table.Th>
                {institutions.map((i) => (
                  <Table.Th key={i.institutionId} scope="col" ta="center">
                    <Anchor component={Link} to={ixPaths.institution(slug, i.institutionId)} size="xs">
                      {i.name}
                    </Anchor>
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="end">{t('informationExchange.fields.demand')}</Table.Th>
                <Table.Th scope="col" ta="end">{t('informationExchange.fields.gap')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skills.map((s) => (
                <Table.Tr key={s.skillId}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={ixPaths.skill(slug, s.skillId)} size="sm">
                      {s.skill}
                    </Anchor>
                  </Table.Th>
                  {institutions.map((i) => {
                    const c = cell.get(`${s.skillId}|${i.institutionId}`);
                    const supply = c?.supply ?? 0;
                    const style = heat(supply / max);
                    return (
                      <Table.Td key={i.institutionId} ta="center" style={style}>
                        {supply > 0 ? (
                          <Link to={ixPaths.skill(slug, s.skillId)} style={{ color: style.color }}>
                            {supply}
                          </Link>
                        ) : (
                          <span>0</span>
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="end">{s.demand}</Table.Td>
                  <Table.Td ta="end" fw={700} style={s.gap > 0 ? { background: `rgba(250, 82, 82, ${(0.35 * s.gap) / maxGap})` } : undefined}>
                    {s.gap}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Text size="xs" c="dimmed" mt={6}>
        {t('informationExchange.alignment.heatLegend')}
      </Text>
    </>
  );
}
