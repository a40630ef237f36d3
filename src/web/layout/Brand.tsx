import { Group, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function Brand({ to = '/' }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={to} className="tb-brand">
      <Group gap={8} wrap="nowrap">
        <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="7" fill="var(--mantine-color-blue-7)" />
          <path d="M6 21c4-8 16-8 20 0" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" />
          <path d="M9 21v-4M16 21v-7M23 21v-4" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
        <Text fw={700} size="lg" c="var(--mantine-color-text)" className="tb-brand-text">
          {t('app.name')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
