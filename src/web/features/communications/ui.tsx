import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnnouncementStatus } from '../../../shared/communications.contract';

const STATUS_COLOR: Record<AnnouncementStatus, string> = { draft: 'gray.7', queued: 'blue.9', sending: 'blue.9', sent: 'teal.9', failed: 'red.9' };

export function AnnouncementStatusBadge({ status }: { status: AnnouncementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" color={STATUS_COLOR[status]} variant="filled">
      {t(`communications.statuses.${status}`)}
    </Badge>
  );
}

export const commsPaths = {
  announcements: (slug: string) => `/c/${slug}/communications/announcements`,
  announcement: (slug: string, id: string) => `/c/${slug}/communications/announcements/${id}`,
  notifications: (slug: string) => `/c/${slug}/communications/notifications`,
  preferences: (slug: string) => `/c/${slug}/communications/preferences`,
};
