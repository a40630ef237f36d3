import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The "Load more" footer of a cursor-paginated list, with a live count of rows shown. */
export function LoadMore({
  shown,
  hasMore,
  loading,
  onLoadMore,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {hasMore ? t('common.showingMore', { count: shown }) : t('common.showing', { count: shown })}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Group>
  );
}
