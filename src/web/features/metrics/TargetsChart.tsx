import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TargetsChartRow {
  name: string;
  target: number | null;
  actual: number;
}

/**
 * Targets against actuals as bars. Its own chunk: the charting library is the largest script of the
 * app, so the page's heading and table show first and the bars follow (the table says the same).
 */
export default function TargetsChart({ rows, targetLabel, actualLabel }: { rows: TargetsChartRow[]; targetLabel: string; actualLabel: string }) {
  return (
    <ResponsiveContainer>
      <BarChart accessibilityLayer={false} data={rows}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" tick={{ fontSize: 11 }} />
        <YAxis />
        <Tooltip />
        <Legend />
        <Bar dataKey="target" name={targetLabel} fill="#4a6285" />
        <Bar dataKey="actual" name={actualLabel} fill="#1f3a5f" />
      </BarChart>
    </ResponsiveContainer>
  );
}
