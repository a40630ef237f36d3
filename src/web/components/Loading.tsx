import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce as "Loading…". */
export function Loading({ label, py = 'xl' }: { label?: string; py?: string }) {
  const { t } = useTranslation();
  const text = label ?? t('common.loading');
  return (
    <Center py={py} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      </Stack>
    </Center>
  );
}

export function FullPageLoader() {
  return (
    <Center mih="60vh">
      <Loading />
    </Center>
  );
}
