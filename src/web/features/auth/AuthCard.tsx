import { Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader';

/** The card the signed-out pages share. */
export function AuthCard({ title, documentTitle, intro, children }: { title: string; documentTitle?: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
      <PageHeader title={title} {...(documentTitle ? { documentTitle } : {})} {...(intro ? { description: intro } : {})} />
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}
