import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InitiativeCategory, InitiativeStatus } from '../../../shared/initiatives.contract';

const statusColor: Record<InitiativeStatus, string> = { proposed: 'gray', planned: 'blue', in_progress: 'teal', on_hold: 'yellow', completed: 'green', cancelled: 'red' };

export function StatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`initiatives.statuses.${status}`)}
    </Badge>
  );
}

export function useCategoryLabel() {
  const { t } = useTranslation();
  return (category: InitiativeCategory, custom: string | null) => (category === 'custom' && custom ? custom : t(`initiatives.categories.${category}`));
}

const stateColor = { done: 'green', overdue: 'red', at_risk: 'orange', in_progress: 'blue', not_started: 'gray' } as const;
export type TaskState = keyof typeof stateColor;
export function TaskStateBadge({ state }: { state: TaskState }) {
  const { t } = useTranslation();
  return (
    <Badge color={stateColor[state]} variant="light" size="sm">
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
