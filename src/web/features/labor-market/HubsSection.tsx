import { Badge, Box, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubDto } from '../../../shared/labor-market.contract';
import { downloads } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { ChartFigure } from './ChartFigure';
import type { HubBar } from './charts/HubBarChart';
import { CsvLink } from './Download';
import { FlagList } from './Flags';
import { useNumbers } from './format';
import { SourceNotes } from './SourceLink';
import { TableScroll } from './TableScroll';

// Charting code (Recharts) loads with the chart, after the tables.
const HubBarChart = lazy(() => import('./charts/HubBarChart'));

const ALL = '';

/** The hub comparison: a table with every figure and its flags, then charts with the coalition's hub highlighted. */
export const HubsSection = memo(function HubsSection({ hubs }: { hubs: HubDto[] }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const n = useNumbers();
  const [occupation, setOccupation] = useState(ALL);

  const occupations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const hub of hubs) for (const o of hub.occupations) if (!seen.has(o.soc)) seen.set(o.soc, o.title);
    return [...seen.entries()].map(([soc, title]) => ({ soc, title }));
  }, [hubs]);
  const occupationTitle = occupations.find((o) => o.soc === occupation)?.title;

  const label = (hub: HubDto) => (hub.isHome ? t('laborMarket.hubs.homeLabel', { hub: hub.hub }) : hub.hub);
  const bars = (value: (hub: HubDto) => number | null): HubBar[] => hubs.map((hub) => ({ hub: hub.hub, label: label(hub), value: value(hub), isHome: hub.isHome }));
  const summary = (list: HubBar[], format: (v: number) => string) => {
    const ranked = list.filter((b) => b.value !== null).sort((a, b) => b.value! - a.value!);
    const top = ranked[0];
    if (!top) return t('laborMarket.hubs.noFigures');
    const home = list.find((b) => b.isHome);
    const topText = t('laborMarket.hubs.summaryTop', { hub: top.hub, value: format(top.value!) });
    if (!home || home === top) return topText;
    if (home.value === null) return `${topText} ${t('laborMarket.hubs.summaryHomeMissing', { hub: home.hub })}`;
    return `${topText} ${t('laborMarket.hubs.summaryHome', { hub: home.hub, value: format(home.value), rank: ranked.indexOf(home) + 1, count: ranked.length })}`;
  };

  const employmentBars = useMemo(
    () => bars((hub) => (occupation === ALL ? hub.occupationTotal : (hub.occupations.find((o) => o.soc === occupation)?.employment ?? null))),
    [hubs, occupation, t],
  );
  const perThousandBars = useMemo(() => bars((hub) => hub.techWorkersPer1000Jobs), [hubs, t]);
  const salaryBars = useMemo(() => bars((hub) => hub.averageTechSalary), [hubs, t]);
  // Stable formatters, so the memoised charts only redraw when their data changes.
  const formats = useMemo(() => ({ integer: (v: number) => n.integer(v), decimal: (v: number) => n.decimal(v), usd: (v: number) => n.usd(v) }), [n]);
  const chartHeight = Math.max(180, hubs.length * 44);

  const valueTable = (list: HubBar[], valueHeader: string, format: (v: number | null) => string) => (
    <Table verticalSpacing={4} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('laborMarket.hubs.hub')}</Table.Th>
          <Table.Th scope="col" className="tb-num">
            {valueHeader}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((b) => (
          <Table.Tr key={b.hub} className={b.isHome ? 'tb-home-row' : undefined}>
            <Table.Th scope="row" fw={b.isHome ? 700 : 400}>
              {b.label}
            </Table.Th>
            <Table.Td className="tb-num">{format(b.value)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  const cardSources = hubs.map((h) => h.source);
  const tableSources = hubs.flatMap((h) => (h.occupationSource ? [h.occupationSource] : []));

  return (
    <Stack gap="md" component="section" aria-labelledby="tb-lm-hubs">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Box>
          <Title order={2} size="h3" id="tb-lm-hubs">
            {t('laborMarket.hubs.title')}
          </Title>
          <Text size="sm" c="dimmed" maw="48rem">
            {t('laborMarket.hubs.intro')}
          </Text>
        </Box>
        <CsvLink href={downloads.hubsCsv(slug)} what={t('laborMarket.hubs.csvName')} />
      </Group>

      <TableScroll minWidth={900} label={t('laborMarket.hubs.caption')}>
        <Table verticalSpacing="sm" fz="sm" aria-describedby="tb-lm-hubs-sources">
          <Table.Caption className="tb-sr-only">{t('laborMarket.hubs.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('laborMarket.hubs.hub')}</Table.Th>
              <Table.Th scope="col" className="tb-num">
                {t('laborMarket.hubs.techEmployment')}
              </Table.Th>
              <Table.Th scope="col" className="tb-num">
                {t('laborMarket.hubs.occupationTotal')}
              </Table.Th>
              <Table.Th scope="col" className="tb-num">
                {t('laborMarket.hubs.per1000')}
              </Table.Th>
              <Table.Th scope="col" className="tb-num">
                {t('laborMarket.hubs.salary')}
              </Table.Th>
              <Table.Th scope="col" w="42%">
                {t('laborMarket.flags.column')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hubs.map((hub) => (
              <Table.Tr key={hub.hub} className={hub.isHome ? 'tb-home-row' : undefined}>
                <Table.Th scope="row" fw={hub.isHome ? 700 : 400} style={{ whiteSpace: 'nowrap' }}>
                  {hub.hub}
                  {hub.isHome && (
                    <Badge ml="xs" variant="light" color="blue" tt="none" size="sm">
                      {t('laborMarket.hubs.yourRegion')}
                    </Badge>
                  )}
                </Table.Th>
                <Table.Td className="tb-num">{n.integer(hub.techEmployment)}</Table.Td>
                <Table.Td className="tb-num">{n.integer(hub.occupationTotal)}</Table.Td>
                <Table.Td className="tb-num">{n.decimal(hub.techWorkersPer1000Jobs)}</Table.Td>
                <Table.Td className="tb-num">{n.usd(hub.averageTechSalary)}</Table.Td>
                <Table.Td>
                  {hub.flags.length > 0 ? (
                    <FlagList flags={hub.flags} size="xs" />
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('laborMarket.flags.none')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Box id="tb-lm-hubs-sources">
        <Text size="sm" c="dimmed">
          {t('laborMarket.hubs.cardSources')}
        </Text>
        <SourceNotes sources={cardSources} />
        {tableSources.length > 0 && (
          <>
            <Text size="sm" c="dimmed" mt={4}>
              {t('laborMarket.hubs.tableSources')}
            </Text>
            <SourceNotes sources={tableSources} />
          </>
        )}
      </Box>

      <ChartFigure
          title={occupationTitle ? t('laborMarket.hubs.employmentChartFor', { occupation: occupationTitle }) : t('laborMarket.hubs.employmentChart')}
          summary={summary(employmentBars, (v) => n.integer(v))}
          height={chartHeight}
          controls={
            occupations.length > 0 && (
              <NativeSelect
                label={t('laborMarket.table.occupation')}
                size="xs"
                value={occupation}
                onChange={(e) => setOccupation(e.currentTarget.value)}
                data={[{ value: ALL, label: t('laborMarket.hubs.allOccupations') }, ...occupations.map((o) => ({ value: o.soc, label: `${o.title} (${o.soc})` }))]}
              />
            )
          }
          chart={(a11y) => <HubBarChart {...a11y} bars={employmentBars} height={chartHeight} valueLabel={t('laborMarket.hubs.employment')} format={formats.integer} na={n.na} />}
          table={
            <TableScroll minWidth={Math.max(480, 160 + hubs.length * 110)} label={t('laborMarket.hubs.matrixCaption')}>
              <Table verticalSpacing={4} striped>
                <Table.Caption className="tb-sr-only">{t('laborMarket.hubs.matrixCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('laborMarket.table.occupation')}</Table.Th>
                    {hubs.map((hub) => (
                      <Table.Th key={hub.hub} scope="col" className="tb-num">
                        {label(hub)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {occupations.map((o) => (
                    <Table.Tr key={o.soc}>
                      <Table.Th scope="row" fw={400}>
                        {o.title}{' '}
                        <Text span size="xs" c="dimmed">
                          {o.soc}
                        </Text>
                      </Table.Th>
                      {hubs.map((hub) => (
                        <Table.Td key={hub.hub} className="tb-num">
                          {n.integer(hub.occupations.find((x) => x.soc === o.soc)?.employment)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr className="tb-total-row">
                    <Table.Th scope="row">{t('laborMarket.hubs.occupationTotal')}</Table.Th>
                    {hubs.map((hub) => (
                      <Table.Td key={hub.hub} className="tb-num">
                        {n.integer(hub.occupationTotal)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </TableScroll>
          }
        />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartFigure
          title={t('laborMarket.hubs.per1000')}
          summary={summary(perThousandBars, (v) => n.decimal(v))}
          height={chartHeight}
          chart={(a11y) => <HubBarChart {...a11y} bars={perThousandBars} height={chartHeight} valueLabel={t('laborMarket.hubs.per1000')} format={formats.decimal} na={n.na} />}
          table={valueTable(perThousandBars, t('laborMarket.hubs.per1000'), n.decimal)}
        />
        <ChartFigure
          title={t('laborMarket.hubs.salary')}
          summary={summary(salaryBars, (v) => n.usd(v))}
          height={chartHeight}
          chart={(a11y) => <HubBarChart {...a11y} bars={salaryBars} height={chartHeight} valueLabel={t('laborMarket.hubs.salary')} format={formats.usd} na={n.na} />}
          table={valueTable(salaryBars, t('laborMarket.hubs.salary'), n.usd)}
        />
      </SimpleGrid>
    </Stack>
  );
});
