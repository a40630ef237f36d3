import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyProps {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  /** Heading level of the title: 1 when the empty state is the page, else 2 or 3. */
  order?: 1 | 2 | 3;
  children?: ReactNode;
}

/** An empty state that says what is missing and what to do about it. */
export function Empty({ icon, title, description, order = 2, children }: EmptyProps) {
  return (
    <EmptyState py="xl" withIndicatorBackground icon={icon}>
      <EmptyState.Title order={order}>{title}</EmptyState.Title>
      {description && <EmptyState.Description>{description}</EmptyState.Description>}
      {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
    </EmptyState>
  );
}
