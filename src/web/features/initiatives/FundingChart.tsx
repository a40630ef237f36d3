import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface FundingBar {
  title: string;
  budget: number;
  actual: number;
  cash: number;
  inKind: number;
  gap: number;
}

/** Budget, actual cost, cash and in-kind pledges and the funding gap per initiative (dollars). */
export default function FundingChart({ data, labels, format, labelledBy, describedBy }: { data: FundingBar[]; labels: Record<'budget' | 'actual' | 'cash' | 'inKind' | 'gap', string>; format: (dollars: number) => string; labelledBy: string; describedBy: string }) {
  const height = Math.max(220, data.length * 64 + 60);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} accessibilityLayer={false} role="img" aria-labelledby={labelledBy} aria-describedby={describedBy}>
        <CartesianGrid horizontal={false} stroke="var(--mantine-color-gray-3)" />
        <XAxis type="number" tickFormatter={(v: number) => format(v)} stroke="var(--mantine-color-gray-7)" />
        <YAxis type="category" dataKey="title" width={190} stroke="var(--mantine-color-gray-7)" tick={{ fontSize: 12, fill: 'var(--mantine-color-gray-8)' }} />
        <Tooltip formatter={(v) => format(Number(v))} />
        <Legend />
        <Bar dataKey="budget" name={labels.budget} fill="var(--mantine-color-blue-8)" />
        <Bar dataKey="actual" name={labels.actual} fill="var(--mantine-color-gray-7)" />
        <Bar dataKey="cash" name={labels.cash} fill="var(--mantine-color-teal-9)" />
        <Bar dataKey="inKind" name={labels.inKind} fill="var(--mantine-color-grape-8)" />
        <Bar dataKey="gap" name={labels.gap} fill="var(--mantine-color-red-9)" />
      </BarChart>
    </ResponsiveContainer>
  );
}
