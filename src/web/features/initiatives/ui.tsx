import { Badge, Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InitiativeCategory, InitiativeStatus } from '../../../shared/initiatives.contract';

const statusColor: Record<InitiativeStatus, string> = { proposed: 'gray', planned: 'blue', in_progress: 'teal', on_hold: 'yellow', completed: 'green', cancelled: 'red' };

export function StatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} c="dark.7" variant="light">
      {t(`initiatives.statuses.${status}`)}
    </Badge>
  );
}

export function useCategoryLabel() {
  const { t } = useTranslation();
  return (category: InitiativeCategory, custom: string | null) => (category === 'custom' && custom ? custom : t(`initiatives.categories.${category}`));
}

// Light badges keep their colour in the fill and take the body text colour: even shade 9 of orange and
// yellow falls under WCAG AA (4.5:1) on its own pale fill (axe: #d9480f on #ffe8cc is 3.6:1).
const stateColor = { done: 'green', overdue: 'red', at_risk: 'orange', in_progress: 'blue', not_started: 'gray' } as const;
export type TaskState = keyof typeof stateColor;
export function TaskStateBadge({ state }: { state: TaskState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColor[state]} c="dark.7" variant="light" size="sm">
      {t(`initiatives.taskStates.${state}`)}
    </Badge>
  );
}

/** A dash for a missing value, read as "not set". */
export function None() {
  const { t } = useTranslation();
  return (
    <Text span c="dimmed" size="sm" aria-label={t('common.notSet')}>
      —
    </Text>
  );
}

/** A wide table's scroll container: a named, focusable region, so keyboard users can scroll it too (WCAG 2.1.1). */
export function Scroll({ minWidth, mt, children }: { minWidth: number; mt?: 'md'; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box tabIndex={0} role="region" aria-label={t('initiatives.scrollTable')} mt={mt} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
