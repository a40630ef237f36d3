import { Progress, Stack, Text } from '@mantine/core';

/**
 * A progress bar whose accessible name says what is happening ("Validating 1,200 of 61,530 rows").
 * Without a percentage (queued, or saving where the database cannot report) it is indeterminate:
 * no aria-valuenow, a moving stripe.
 */
export function ImportProgress({ label, percent, color = 'blue', testId }: { label: string; percent: number | null; color?: string; testId?: string }) {
  const value = percent === null ? null : Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <Stack gap={6}>
      <Progress.Root
        size="xl"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value ?? undefined}
        aria-valuetext={value === null ? undefined : `${value}%`}
        data-testid={testId}
      >
        <Progress.Section value={value ?? 100} color={color} striped={value === null} animated={value === null} withAria={false} />
      </Progress.Root>
      <Text size="sm" aria-hidden>
        {label}
        {value !== null && value < 100 && ` (${value}%)`}
      </Text>
    </Stack>
  );
}
