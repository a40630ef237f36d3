import { memo } from 'react';
import type { ChartA11y } from '../../labor-market/ChartFigure';
import { Bar, BarChart, CartesianGrid, CHART_INK, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from '../../labor-market/charts/recharts';

export interface FunnelBar {
  label: string;
  reached: number;
}

/** Applications that ever reached each stage, widest first: the pipeline's funnel. */
function FunnelChart({ bars, height, valueLabel, format, labelledBy, describedBy }: ChartA11y & { bars: FunnelBar[]; height: number; valueLabel: string; format: (n: number) => string }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={bars} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }} accessibilityLayer={false} role="img" aria-labelledby={labelledBy} aria-describedby={describedBy}>
        <CartesianGrid horizontal={false} stroke={CHART_INK.grid} />
        <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => format(v)} stroke={CHART_INK.axis} />
        <YAxis type="category" dataKey="label" width={120} stroke={CHART_INK.axis} tick={{ fill: CHART_INK.text, fontSize: 12 }} />
        <Tooltip formatter={(v: unknown) => [typeof v === 'number' ? format(v) : String(v), valueLabel]} />
        <Bar dataKey="reached" name={valueLabel} fill={CHART_INK.home} isAnimationActive={false} maxBarSize={28}>
          <LabelList dataKey="reached" position="right" fill={CHART_INK.text} fontSize={12} formatter={(v: unknown) => (typeof v === 'number' ? format(v) : '')} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export default memo(FunnelChart);
