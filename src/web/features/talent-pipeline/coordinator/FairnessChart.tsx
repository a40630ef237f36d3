import { memo } from 'react';
import { ReferenceLine } from 'recharts';
import type { ChartA11y } from '../../labor-market/ChartFigure';
import { Bar, BarChart, CartesianGrid, Cell, CHART_INK, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from '../../labor-market/charts/recharts';

export interface FairnessBar {
  label: string;
  /** Selection rate in percent; null when the server suppressed the group (too few to show). */
  rate: number | null;
  flagged: boolean;
  /** The bar's label: the rate, marked when under the line. */
  display: string;
}

const FLAGGED = 'var(--mantine-color-orange-9)';

/**
 * Selection rates of one attribute's groups, with the four-fifths line (80% of the highest shown
 * rate): a bar under the line is flagged in another colour and in its label, never by colour alone.
 */
function FairnessChart({ bars, line, lineLabel, format, height, labelledBy, describedBy }: ChartA11y & { bars: FairnessBar[]; line: number | null; lineLabel: string; format: (n: number) => string; height: number }) {
  const top = Math.max(line ?? 0, ...bars.map((b) => b.rate ?? 0));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={bars} margin={{ top: 20, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false} role="img" aria-labelledby={labelledBy} aria-describedby={describedBy}>
        <CartesianGrid vertical={false} stroke={CHART_INK.grid} />
        <XAxis dataKey="label" stroke={CHART_INK.axis} tick={{ fill: CHART_INK.text, fontSize: 12 }} interval={0} />
        <YAxis domain={[0, Math.max(10, Math.ceil(top / 10) * 10)]} tickFormatter={(v: number) => format(v)} stroke={CHART_INK.axis} width={56} />
        <Tooltip formatter={(v: unknown) => (typeof v === 'number' ? format(v) : '—')} />
        {line !== null && <ReferenceLine y={line} stroke={CHART_INK.text} strokeDasharray="6 4" label={{ value: lineLabel, position: 'insideTopRight', fill: CHART_INK.text, fontSize: 12 }} />}
        <Bar dataKey="rate" isAnimationActive={false} maxBarSize={56}>
          {bars.map((b) => (
            <Cell key={b.label} fill={b.flagged ? FLAGGED : CHART_INK.home} />
          ))}
          <LabelList dataKey="display" position="top" fill={CHART_INK.text} fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export default memo(FairnessChart);
