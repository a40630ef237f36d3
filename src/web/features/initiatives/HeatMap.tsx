import { Box, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HeatMapDto } from '../../../shared/initiative-risks.contract';

const fill = { low: '#d3f9d8', medium: '#ffec99', high: '#ffc9c9' } as const;

/**
 * Likelihood × impact heat map as a table (a grid people read at a glance, and screen readers read as
 * a table): rows likelihood 5→1, columns impact 1→5, each cell the number of risks, coloured by level.
 */
export function HeatMap({ map }: { map: HeatMapDto }) {
  const { t } = useTranslation();
  const cell = (likelihood: number, impact: number) => map.cells.find((c) => c.likelihood === likelihood && c.impact === impact)!;
  return (
    <Box maw={560}>
      <Table withTableBorder withColumnBorders ta="center" layout="fixed">
        <Table.Caption>{t('initiatives.risks.heatCaption', { count: map.total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('initiatives.risks.heatCorner')}</Table.Th>
            {[1, 2, 3, 4, 5].map((i) => (
              <Table.Th scope="col" key={i} ta="center">
                {t('initiatives.risks.impactN', { n: i })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[5, 4, 3, 2, 1].map((l) => (
            <Table.Tr key={l}>
              <Table.Th scope="row">{t('initiatives.risks.likelihoodN', { n: l })}</Table.Th>
              {[1, 2, 3, 4, 5].map((i) => {
                const c = cell(l, i);
                return (
                  <Table.Td key={i} style={{ background: fill[c.level] }} aria-label={t('initiatives.risks.cellLabel', { count: c.count, level: t(`initiatives.risks.levels.${c.level}`), score: c.score })}>
                    <Text fw={c.count ? 700 : 400} c={c.count ? 'dark' : 'dark.3'}>
                      {c.count}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        {t('initiatives.risks.byLevel', { high: map.byLevel.high, medium: map.byLevel.medium, low: map.byLevel.low })}
      </Text>
    </Box>
  );
}
