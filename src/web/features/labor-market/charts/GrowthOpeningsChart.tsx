import { Paper, Text } from '@mantine/core';
import { memo } from 'react';
import type { Numbers } from '../format';
import { CartesianGrid, CHART_INK, Legend, ResponsiveContainer, Scatter, ScatterChart, SERIES, Tooltip, XAxis, YAxis } from './recharts';
import type { ChartA11y } from '../ChartFigure';

export interface GrowthPoint {
  soc: string;
  title: string;
  /** Category label as shown (already translated for "none"). */
  category: string;
  growth: number;
  openings: number;
}

interface Props extends ChartA11y {
  points: GrowthPoint[];
  height: number;
  xLabel: string;
  yLabel: string;
  numbers: Numbers;
  growthLabel: string;
  openingsLabel: string;
}

/** Growth (x) against annual openings (y), one point per occupation, a shape and colour per category. */
function GrowthOpeningsChart({ points, height, xLabel, yLabel, numbers, growthLabel, openingsLabel, labelledBy, describedBy }: Props) {
  const formatChange = (v: number) => numbers.change(v);
  const formatInteger = (v: number) => numbers.integer(v);
  const categories = [...new Set(points.map((p) => p.category))];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ScatterChart
        margin={{ top: 10, right: 24, bottom: 36, left: 16 }}
        accessibilityLayer={false}
        role="img"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
      >
        <CartesianGrid stroke={CHART_INK.grid} />
        <XAxis
          type="number"
          dataKey="growth"
          name={growthLabel}
          tickFormatter={(v: number) => formatChange(v)}
          stroke={CHART_INK.axis}
          label={{ value: xLabel, position: 'insideBottom', offset: -24, fill: CHART_INK.text }}
        />
        <YAxis
          type="number"
          dataKey="openings"
          name={openingsLabel}
          tickFormatter={(v: number) => formatInteger(v)}
          stroke={CHART_INK.axis}
          width={64}
          label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 0, dy: 60, fill: CHART_INK.text }}
        />
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          content={({ active, payload }) => {
            const point = active ? (payload?.[0]?.payload as GrowthPoint | undefined) : undefined;
            if (!point) return null;
            return (
              <Paper withBorder shadow="sm" p="xs" maw={280}>
                <Text size="sm" fw={700}>
                  {point.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {point.soc} · {point.category}
                </Text>
                <Text size="sm">
                  {growthLabel}: {formatChange(point.growth)}
                </Text>
                <Text size="sm">
                  {openingsLabel}: {formatInteger(point.openings)}
                </Text>
              </Paper>
            );
          }}
        />
        {categories.length > 1 && <Legend verticalAlign="top" height={28} />}
        {categories.map((category, i) => {
          const series = SERIES[i % SERIES.length]!;
          return (
            <Scatter
              key={category}
              name={category}
              data={points.filter((p) => p.category === category)}
              fill={series.color}
              shape={series.shape}
              isAnimationActive={false}
            />
          );
        })}
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** Memoised: re-renders only when the points or labels change (not when the table is sorted). */
export default memo(GrowthOpeningsChart);
