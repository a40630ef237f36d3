/**
 * The charting kit shared by the labor-market charts: Recharts (one lazily loaded chunk, named after
 * this module) and the theme's chart colours.
 */
export {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from 'recharts';

/**
 * Chart colours from the Mantine theme: series at ≥ 3:1 against white (WCAG 1.4.11), each with its
 * own shape too, so a category is never told by colour alone.
 */
export const SERIES = [
  { color: 'var(--mantine-color-blue-8)', shape: 'circle' },
  { color: 'var(--mantine-color-orange-9)', shape: 'triangle' },
  { color: 'var(--mantine-color-teal-9)', shape: 'square' },
  { color: 'var(--mantine-color-grape-8)', shape: 'diamond' },
  { color: 'var(--mantine-color-red-9)', shape: 'star' },
  { color: 'var(--mantine-color-gray-8)', shape: 'cross' },
] as const;

export const CHART_INK = {
  text: 'var(--mantine-color-gray-8)',
  axis: 'var(--mantine-color-gray-7)',
  grid: 'var(--mantine-color-gray-3)',
  home: 'var(--mantine-color-blue-8)',
  other: 'var(--mantine-color-gray-6)',
};
