import { Paper, Text } from '@mantine/core';
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, CHART_INK, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis, type YAxisTickContentProps } from './recharts';
import type { ChartA11y } from '../ChartFigure';

export interface HubBar {
  hub: string;
  /** Axis label: the hub, marked when it is the coalition's own ("Los Angeles (your region)"). */
  label: string;
  value: number | null;
  isHome: boolean;
}

interface Props extends ChartA11y {
  bars: HubBar[];
  height: number;
  valueLabel: string;
  format: (n: number) => string;
  na: string;
}

/** One bar per hub, the coalition's own hub highlighted (in colour, and by name on its axis label). */
function HubBarChart({ bars, height, valueLabel, format, na, labelledBy, describedBy }: Props) {
  const data = bars.map((b) => ({ ...b, plotted: b.value ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 72, bottom: 4, left: 4 }}
        accessibilityLayer={false}
        role="img"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
      >
        <CartesianGrid horizontal={false} stroke={CHART_INK.grid} />
        <XAxis type="number" tickFormatter={(v: number) => format(v)} stroke={CHART_INK.axis} />
        <YAxis
          type="category"
          dataKey="label"
          width={176}
          stroke={CHART_INK.axis}
          tick={({ x, y, payload, index }: YAxisTickContentProps) => {
            const home = data[payload.index ?? index]?.isHome;
            return (
              <text x={x} y={y} dy={4} textAnchor="end" fill={CHART_INK.text} fontSize={12} fontWeight={home ? 700 : 400}>
                {payload.value}
              </text>
            );
          }}
        />
        <Tooltip
          cursor={{ fill: 'var(--mantine-color-gray-1)' }}
          content={({ active, payload }) => {
            const bar = active ? (payload?.[0]?.payload as HubBar | undefined) : undefined;
            if (!bar) return null;
            return (
              <Paper withBorder shadow="sm" p="xs">
                <Text size="sm" fw={700}>
                  {bar.label}
                </Text>
                <Text size="sm">
                  {valueLabel}: {bar.value === null ? na : format(bar.value)}
                </Text>
              </Paper>
            );
          }}
        />
        <Bar dataKey="plotted" name={valueLabel} isAnimationActive={false} maxBarSize={28}>
          {data.map((b) => (
            <Cell key={b.hub} fill={b.isHome ? CHART_INK.home : CHART_INK.other} />
          ))}
          <LabelList
            dataKey="value"
            position="right"
            fill={CHART_INK.text}
            fontSize={12}
            formatter={(v: unknown) => (typeof v === 'number' ? format(v) : na)}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Memoised: re-renders only when its bars or labels change. */
export default memo(HubBarChart);
