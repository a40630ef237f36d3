import { Anchor, Box, Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { Fragment, lazy, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OccupationProjectionDto, OccupationsResponse } from '../../../shared/labor-market.contract';
import { downloads } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { ChartFigure } from './ChartFigure';
import { CsvLink } from './Download';
import { FlagList, FlagToggle } from './Flags';
import { useNumbers } from './format';
import { lmPaths } from './paths';
import { SortableTh, sortRows, type SortDir } from './SortableTh';
import { SourceNotes } from './SourceLink';
import { useTableParams } from './useTableParams';
import { TableScroll } from './TableScroll';

// Charting code (Recharts) loads with the chart, after the tables.
const GrowthOpeningsChart = lazy(() => import('./charts/GrowthOpeningsChart'));

const SORT_KEYS = ['title', 'soc', 'category', 'base', 'projected', 'growth', 'newJobs', 'replacement', 'openings', 'experience'] as const;
type SortKey = (typeof SORT_KEYS)[number];
const FILTER_KEYS = ['category', 'flagged'] as const;

const VALUE: Record<SortKey, (o: OccupationProjectionDto) => string | number | null> = {
  title: (o) => o.title,
  soc: (o) => o.soc,
  category: (o) => o.category,
  base: (o) => o.baseEmployment,
  projected: (o) => o.projectedEmployment,
  growth: (o) => o.percentChange,
  newJobs: (o) => o.annualNewJobs,
  replacement: (o) => o.annualReplacementNeeds,
  openings: (o) => o.annualTotalOpenings,
  experience: (o) => o.workExperience,
};
const TEXT_KEYS: SortKey[] = ['title', 'soc', 'category', 'experience'];
const COLUMNS = 11;
/** Rows rendered at first (and per "Show more"); the filters, sort and totals cover every row. */
const PAGE = 100;
/** Points plotted: the occupations with the most openings (an SVG with thousands of points helps nobody). */
const MAX_POINTS = 300;

/** Same rule as the server: one decimal, null without a base. */
function percentChange(base: number, projected: number): number | null {
  return base === 0 ? null : Math.round(((projected - base) / base) * 1000) / 10;
}
const sum = (rows: OccupationProjectionDto[], pick: (o: OccupationProjectionDto) => number | null) => rows.reduce((acc, o) => acc + (pick(o) ?? 0), 0);

/** The same year for every row, else null (then the headers say "base year" and "projected"). */
function commonYear(rows: OccupationProjectionDto[], pick: (o: OccupationProjectionDto) => number): number | null {
  const years = new Set(rows.map(pick));
  return years.size === 1 ? [...years][0]! : null;
}

/** Table 1: projections per occupation, sortable and filterable, with the API's totals and flags, then growth against openings. */
export function ProjectionsSection({ data, regionSlug }: { data: OccupationsResponse; regionSlug: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { slug } = useCoalition();
  const n = useNumbers();
  const table = useTableParams({ sortKeys: SORT_KEYS, defaultSort: 'openings', defaultDir: 'desc', filterKeys: FILTER_KEYS });
  const [openFlags, setOpenFlags] = useState<Record<string, boolean>>({});
  const [limit, setLimit] = useState(PAGE);
  const locale = i18n.resolvedLanguage ?? 'en';

  const items = data.items;
  const categories = useMemo(() => [...new Set(items.map((o) => o.category).filter((c): c is string => !!c))].sort(), [items]);
  const baseYear = commonYear(items, (o) => o.baseYear);
  const projectedYear = commonYear(items, (o) => o.projectedYear);
  const period = baseYear && projectedYear ? `${baseYear}–${projectedYear}` : '';

  const category = table.filters.category;
  const flaggedOnly = table.filters.flagged === '1';
  const filtered = useMemo(() => {
    const q = table.q.toLowerCase();
    return items.filter(
      (o) =>
        (!q || o.title.toLowerCase().includes(q) || o.soc.includes(q) || o.soc2018.some((s) => s.soc.includes(q) || s.title.toLowerCase().includes(q))) &&
        (!category || o.category === category) &&
        (!flaggedOnly || o.flags.length > 0),
    );
  }, [items, table.q, category, flaggedOnly]);
  const shown = useMemo(() => sortRows(filtered, VALUE[table.sort], table.dir, locale), [filtered, table.sort, table.dir, locale]);

  const header: Record<SortKey, string> = {
    title: t('laborMarket.table.occupation'),
    soc: t('laborMarket.table.soc'),
    category: t('laborMarket.table.category'),
    base: baseYear ? t('laborMarket.table.employmentIn', { year: baseYear }) : t('laborMarket.table.baseEmployment'),
    projected: projectedYear ? t('laborMarket.table.employmentIn', { year: projectedYear }) : t('laborMarket.table.projectedEmployment'),
    growth: t('laborMarket.table.growth'),
    newJobs: t('laborMarket.table.newJobs'),
    replacement: t('laborMarket.table.replacement'),
    openings: t('laborMarket.table.openings'),
    experience: t('laborMarket.table.experience'),
  };
  const th = (key: SortKey, numeric = !TEXT_KEYS.includes(key)) => (
    <SortableTh
      key={key}
      label={header[key]}
      numeric={numeric}
      active={table.sort === key}
      dir={table.dir}
      onSort={() => table.sortBy(key, (numeric ? 'desc' : 'asc') as SortDir)}
    />
  );

  const regionName = data.region.name;
  const heading = period ? t('laborMarket.projections.titleWithPeriod', { region: regionName, period }) : t('laborMarket.projections.title', { region: regionName });
  const sortText = t(table.dir === 'asc' ? 'laborMarket.table.sortedAsc' : 'laborMarket.table.sortedDesc', { column: header[table.sort] });

  const totals = data.totals;
  const subset = table.active && shown.length !== items.length;
  const subBase = sum(shown, (o) => o.baseEmployment);
  const subProjected = sum(shown, (o) => o.projectedEmployment);

  // The chart follows the filters, not the sort: sorting the table leaves it alone.
  const noCategory = t('laborMarket.table.noCategory');
  const plottable = useMemo(
    () =>
      filtered
        .filter((o) => o.percentChange !== null && o.annualTotalOpenings !== null)
        .map((o) => ({ soc: o.soc, title: o.title, category: o.category ?? noCategory, growth: o.percentChange!, openings: o.annualTotalOpenings! })),
    [filtered, noCategory],
  );
  const points = useMemo(() => [...plottable].sort((a, b) => b.openings - a.openings).slice(0, MAX_POINTS), [plottable]);
  const byOpenings = points;
  const byGrowth = [...points].sort((a, b) => b.growth - a.growth);
  const visible = shown.slice(0, limit);

  return (
    <Stack gap="md" component="section" aria-labelledby="tb-lm-projections">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Box>
          <Title order={2} size="h3" id="tb-lm-projections">
            {heading}
          </Title>
          <SourceNotes sources={items.map((o) => o.source)} />
        </Box>
        <CsvLink href={downloads.occupationsCsv(slug, regionSlug)} what={t('laborMarket.projections.csvName')} />
      </Group>

      <Group align="flex-end" gap="sm" role="search" aria-label={t('laborMarket.projections.filters')}>
        <TextInput
          label={t('laborMarket.projections.search')}
          placeholder={t('laborMarket.projections.searchPlaceholder')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={table.search}
          onChange={(e) => table.setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        {categories.length > 0 && (
          <NativeSelect
            label={t('laborMarket.table.category')}
            value={category}
            onChange={(e) => table.setFilter('category', e.currentTarget.value)}
            data={[{ value: '', label: t('laborMarket.projections.allCategories') }, ...categories.map((c) => ({ value: c, label: c }))]}
            w={{ base: '100%', xs: 200 }}
          />
        )}
        <Checkbox
          label={t('laborMarket.projections.flaggedOnly')}
          checked={flaggedOnly}
          onChange={(e) => table.setFilter('flagged', e.currentTarget.checked ? '1' : '')}
          mb={8}
        />
        {table.active && (
          <Button variant="subtle" onClick={table.clear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {t('laborMarket.projections.showing', { shown: n.integer(shown.length), total: n.integer(items.length) })} {sortText}
        {visible.length < shown.length && ` ${t('laborMarket.projections.listed', { number: n.integer(visible.length) })}`}
      </Text>

      <TableScroll minWidth={1080} label={heading}>
        <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing={8} fz="sm" aria-describedby="tb-lm-projections-note">
          <Table.Caption className="tb-sr-only">{t('laborMarket.projections.caption', { title: heading })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {SORT_KEYS.map((key) => th(key))}
              <Table.Th scope="col">{t('laborMarket.flags.column')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={COLUMNS}>
                  <Group gap="sm" py="sm">
                    <Text size="sm">{t('laborMarket.projections.noMatch')}</Text>
                    <Button size="compact-sm" variant="light" onClick={table.clear}>
                      {t('common.clearFilters')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )}
            {visible.map((o) => {
              const key = `${o.soc}-${o.baseYear}`;
              const flagsId = `tb-flags-${key}`;
              const expanded = !!openFlags[key];
              return (
                <Fragment key={key}>
                  <Table.Tr>
                    <Table.Th scope="row" fw={400} miw={180}>
                      <Anchor component={Link} to={lmPaths.occupation(slug, o.soc)} className="tb-table-link">
                        {o.title}
                      </Anchor>
                    </Table.Th>
                    <Table.Td miw={118}>
                      <Text size="sm">
                        <span style={{ whiteSpace: 'nowrap' }}>{o.soc}</span>{' '}
                        <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          ({t('laborMarket.socVersion', { version: o.socVersion })})
                        </Text>
                      </Text>
                      {o.socVersion !== '2018' && o.soc2018.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('laborMarket.table.soc2018')}{' '}
                          {o.soc2018.map((s, i) => (
                            <Fragment key={s.soc}>
                              {i > 0 && ', '}
                              <span style={{ whiteSpace: 'nowrap' }}>{s.soc}</span>
                            </Fragment>
                          ))}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{o.category ?? <Text span c="dimmed" size="sm">{t('laborMarket.table.noCategory')}</Text>}</Table.Td>
                    <Table.Td className="tb-num">{n.integer(o.baseEmployment)}</Table.Td>
                    <Table.Td className="tb-num">{n.integer(o.projectedEmployment)}</Table.Td>
                    <Table.Td className="tb-num">{n.change(o.percentChange)}</Table.Td>
                    <Table.Td className="tb-num">{n.integer(o.annualNewJobs)}</Table.Td>
                    <Table.Td className="tb-num">{n.integer(o.annualReplacementNeeds)}</Table.Td>
                    <Table.Td className="tb-num">{n.integer(o.annualTotalOpenings)}</Table.Td>
                    <Table.Td>{o.workExperience ?? n.na}</Table.Td>
                    <Table.Td>
                      <FlagToggle
                        flags={o.flags}
                        expanded={expanded}
                        controls={flagsId}
                        subject={o.title}
                        onToggle={() => setOpenFlags((s) => ({ ...s, [key]: !expanded }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr id={flagsId}>
                      <Table.Td colSpan={COLUMNS}>
                        <FlagList flags={o.flags} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
          {totals && (
            <Table.Tfoot>
              {subset && (
                <Table.Tr className="tb-total-row">
                  <Table.Th scope="row" colSpan={3}>
                    {t('laborMarket.projections.shownTotal', { number: n.integer(shown.length) })}
                  </Table.Th>
                  <Table.Td className="tb-num">{n.integer(subBase)}</Table.Td>
                  <Table.Td className="tb-num">{n.integer(subProjected)}</Table.Td>
                  <Table.Td className="tb-num">{n.change(percentChange(subBase, subProjected))}</Table.Td>
                  <Table.Td className="tb-num">{n.integer(sum(shown, (o) => o.annualNewJobs))}</Table.Td>
                  <Table.Td className="tb-num">{n.integer(sum(shown, (o) => o.annualReplacementNeeds))}</Table.Td>
                  <Table.Td className="tb-num">{n.integer(sum(shown, (o) => o.annualTotalOpenings))}</Table.Td>
                  <Table.Td colSpan={2} />
                </Table.Tr>
              )}
              <Table.Tr className="tb-total-row">
                <Table.Th scope="row" colSpan={3}>
                  {t('laborMarket.projections.total', { number: n.integer(items.length) })}
                </Table.Th>
                <Table.Td className="tb-num">{n.integer(totals.baseEmployment)}</Table.Td>
                <Table.Td className="tb-num">{n.integer(totals.projectedEmployment)}</Table.Td>
                <Table.Td className="tb-num">{n.change(totals.percentChange)}</Table.Td>
                <Table.Td className="tb-num">{n.integer(totals.annualNewJobs)}</Table.Td>
                <Table.Td className="tb-num">{n.integer(totals.annualReplacementNeeds)}</Table.Td>
                <Table.Td className="tb-num">{n.integer(totals.annualTotalOpenings)}</Table.Td>
                <Table.Td />
                <Table.Td>
                  {totals.flags.length > 0 ? (
                    <Group gap={4} wrap="nowrap">
                      <IconAlertTriangle size={16} aria-hidden className="tb-flag-icon" />
                      <Text size="sm" fw={700}>
                        <span aria-hidden>{totals.flags.length}</span>
                        <span className="tb-sr-only">{t('laborMarket.flags.count', { count: totals.flags.length })}</span>
                      </Text>
                    </Group>
                  ) : (
                    <Text span size="sm" c="dimmed" fw={400}>
                      {t('laborMarket.flags.none')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
              {totals.flags.length > 0 && (
                <Table.Tr>
                  <Table.Td colSpan={COLUMNS}>
                    <FlagList flags={totals.flags} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tfoot>
          )}
        </Table>
      </TableScroll>
      {shown.length > visible.length && (
        <Group gap="sm">
          <Button variant="default" onClick={() => setLimit((l) => l + PAGE)}>
            {t('laborMarket.projections.showMore', { number: n.integer(Math.min(PAGE, shown.length - visible.length)) })}
          </Button>
          <Button variant="subtle" onClick={() => setLimit(shown.length)}>
            {t('laborMarket.projections.showAll', { number: n.integer(shown.length) })}
          </Button>
        </Group>
      )}
      <Text size="xs" c="dimmed" id="tb-lm-projections-note">
        {t('laborMarket.projections.note')}
      </Text>

      {points.length > 0 && (
        <ChartFigure
          title={t('laborMarket.growthChart.title')}
          height={380}
          summary={
            <>
              {t('laborMarket.growthChart.summary', {
                mostOpenings: byOpenings[0]!.title,
                openings: n.integer(byOpenings[0]!.openings),
                fastest: byGrowth[0]!.title,
                growth: n.change(byGrowth[0]!.growth),
              })}
              {plottable.length < shown.length && ` ${t('laborMarket.growthChart.notPlotted', { number: n.integer(shown.length - plottable.length) })}`}
              {plottable.length > points.length && ` ${t('laborMarket.growthChart.capped', { number: n.integer(points.length) })}`}
            </>
          }
          chart={(a11y) => (
            <GrowthOpeningsChart
              {...a11y}
              points={points}
              height={380}
              xLabel={period ? t('laborMarket.growthChart.xAxisPeriod', { period }) : t('laborMarket.growthChart.xAxis')}
              yLabel={t('laborMarket.table.openings')}
              growthLabel={header.growth}
              openingsLabel={header.openings}
              numbers={n}
            />
          )}
          table={
            <TableScroll minWidth={480} label={t('laborMarket.growthChart.title')}>
              <Table verticalSpacing={4} striped>
                <Table.Caption className="tb-sr-only">{t('laborMarket.growthChart.title')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{header.title}</Table.Th>
                    <Table.Th scope="col">{header.category}</Table.Th>
                    <Table.Th scope="col" className="tb-num">
                      {header.growth}
                    </Table.Th>
                    <Table.Th scope="col" className="tb-num">
                      {header.openings}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {byOpenings.map((p) => (
                    <Table.Tr key={p.soc}>
                      <Table.Th scope="row" fw={400}>
                        {p.title}
                      </Table.Th>
                      <Table.Td>{p.category}</Table.Td>
                      <Table.Td className="tb-num">{n.change(p.growth)}</Table.Td>
                      <Table.Td className="tb-num">{n.integer(p.openings)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          }
        />
      )}
    </Stack>
  );
}
