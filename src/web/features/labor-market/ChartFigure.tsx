import { Box, Button, Card, Group, Skeleton, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ErrorBoundary';

export interface ChartA11y {
  /** id of the element that names the chart (its visible title). */
  labelledBy: string;
  /** id of the element that describes it (the visible summary). */
  describedBy: string;
}

/**
 * A chart as a <figure>: a visible title and a one-sentence summary that name and describe the
 * chart's SVG, the chart itself (lazily loaded, so charting code stays out of the page chunk), and a
 * "Show as table" disclosure with the same numbers, so no figure can only be read off the chart.
 */
export function ChartFigure({
  title,
  summary,
  height,
  chart,
  table,
  controls,
  headingOrder = 3,
}: {
  title: string;
  summary: ReactNode;
  height: number;
  chart: (a11y: ChartA11y) => ReactNode;
  table: ReactNode;
  /** Inputs that change what the chart shows (e.g. which occupation). */
  controls?: ReactNode;
  headingOrder?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const tableId = `${id}-table`;
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="md" component="figure" className="tb-chart" aria-labelledby={titleId}>
      <figcaption>
        <Title order={headingOrder} size="h5" id={titleId}>
          {title}
        </Title>
        <Text size="sm" c="dimmed" id={descId} mt={4}>
          {summary}
        </Text>
      </figcaption>
      {controls && <Box mt="sm">{controls}</Box>}
      <Box mt="sm" h={height}>
        <ErrorBoundary>
          <Suspense fallback={<Skeleton h={height} aria-hidden />}>{chart({ labelledBy: titleId, describedBy: descId })}</Suspense>
        </ErrorBoundary>
      </Box>
      <Group mt="sm">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          aria-expanded={open}
          aria-controls={open ? tableId : undefined}
          aria-label={`${t('laborMarket.charts.showTable')}: ${title}`}
          onClick={() => setOpen((o) => !o)}
        >
          {t('laborMarket.charts.showTable')}
        </Button>
      </Group>
      {open && (
        <Box id={tableId} mt="xs">
          {table}
        </Box>
      )}
    </Card>
  );
}
