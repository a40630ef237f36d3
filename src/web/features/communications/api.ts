/** API calls of the communications pages: announcements, digests, preferences, notifications, unsubscribe. */
import type { Page } from '../../../shared/common.contract';
import type {
  AnnouncementCreateInput,
  AnnouncementDto,
  AnnouncementUpdateInput,
  AudiencePreviewDto,
  AudiencePreviewInput,
  DeliveryChannel,
  DeliveryDto,
  DigestPreviewDto,
  DigestRunDto,
  DigestScheduleDto,
  DigestScheduleInput,
  PreferencesDto,
  PreferencesUpdateInput,
  UnsubscribeInfoDto,
  UnsubscribeResultDto,
} from '../../../shared/communications.contract';
import type { NotificationDto } from '../../../shared/notifications.contract';
import { apiFetch } from '../../api/client';

const enc = encodeURIComponent;
const c = (slug: string) => `/coalitions/${enc(slug)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface NotificationPage extends Page<NotificationDto> {
  unreadCount: number;
}

export const commsKeys = {
  all: (slug: string) => ['communications', slug] as const,
  announcements: (slug: string) => ['communications', slug, 'announcements'] as const,
  announcement: (slug: string, id: string) => ['communications', slug, 'announcements', id] as const,
  deliveries: (slug: string, id: string, channel: string) => ['communications', slug, 'announcements', id, 'deliveries', channel] as const,
  preview: (slug: string, audience: unknown) => ['communications', slug, 'preview', audience] as const,
  digests: (slug: string) => ['communications', slug, 'digests'] as const,
  digestPreview: (slug: string) => ['communications', slug, 'digest-preview'] as const,
  digestSchedule: (slug: string) => ['communications', slug, 'digest-schedule'] as const,
  preferences: (slug: string) => ['communications', slug, 'preferences'] as const,
  notifications: (slug: string, unread: boolean) => ['communications', slug, 'notifications', unread] as const,
  unsubscribe: (token: string) => ['unsubscribe', token] as const,
};

export const commsApi = {
  preview: (slug: string, body: AudiencePreviewInput, signal?: AbortSignal) => apiFetch<AudiencePreviewDto>(`${c(slug)}/announcements/preview`, { method: 'POST', body, ...opts(signal) }),
  announcements: (slug: string, cursor: string | null, signal?: AbortSignal) => apiFetch<Page<AnnouncementDto>>(`${c(slug)}/announcements`, { query: { limit: 50, cursor }, ...opts(signal) }),
  announcement: (slug: string, id: string, signal?: AbortSignal) => apiFetch<AnnouncementDto>(`${c(slug)}/announcements/${enc(id)}`, opts(signal)),
  create: (slug: string, body: AnnouncementCreateInput) => apiFetch<AnnouncementDto>(`${c(slug)}/announcements`, { method: 'POST', body }),
  update: (slug: string, id: string, body: AnnouncementUpdateInput) => apiFetch<AnnouncementDto>(`${c(slug)}/announcements/${enc(id)}`, { method: 'PATCH', body }),
  remove: (slug: string, id: string) => apiFetch<void>(`${c(slug)}/announcements/${enc(id)}`, { method: 'DELETE' }),
  send: (slug: string, id: string) => apiFetch<AnnouncementDto>(`${c(slug)}/announcements/${enc(id)}/send`, { method: 'POST' }),
  deliveries: (slug: string, id: string, channel: DeliveryChannel | '', cursor: string | null, signal?: AbortSignal) =>
    apiFetch<Page<DeliveryDto>>(`${c(slug)}/announcements/${enc(id)}/deliveries`, { query: { limit: 100, cursor, channel: channel || undefined }, ...opts(signal) }),
  digests: (slug: string, signal?: AbortSignal) => apiFetch<Page<DigestRunDto>>(`${c(slug)}/digests`, { query: { limit: 20 }, ...opts(signal) }),
  runDigest: (slug: string) => apiFetch<DigestRunDto>(`${c(slug)}/digests`, { method: 'POST', body: {} }),
  digestSchedule: (slug: string, signal?: AbortSignal) => apiFetch<DigestScheduleDto>(`${c(slug)}/digests/schedule`, opts(signal)),
  saveDigestSchedule: (slug: string, input: DigestScheduleInput) => apiFetch<DigestScheduleDto>(`${c(slug)}/digests/schedule`, { method: 'PUT', body: input }),
  digestPreview: (slug: string, signal?: AbortSignal) => apiFetch<DigestPreviewDto>(`${c(slug)}/communications/digest-preview`, opts(signal)),
  preferences: (slug: string, signal?: AbortSignal) => apiFetch<PreferencesDto>(`${c(slug)}/communications/preferences`, opts(signal)),
  savePreferences: (slug: string, body: PreferencesUpdateInput) => apiFetch<PreferencesDto>(`${c(slug)}/communications/preferences`, { method: 'PUT', body }),
  notifications: (slug: string, unread: boolean, cursor: string | null, signal?: AbortSignal) =>
    apiFetch<NotificationPage>(`${c(slug)}/notifications`, { query: { limit: 50, cursor, unread: unread ? 'true' : undefined }, ...opts(signal) }),
  markRead: (slug: string, id: string) => apiFetch<NotificationDto>(`${c(slug)}/notifications/${enc(id)}/read`, { method: 'POST' }),
  markAllRead: (slug: string) => apiFetch<{ updated: number }>(`${c(slug)}/notifications/read`, { method: 'POST', body: {} }),
  unsubscribeInfo: (token: string, signal?: AbortSignal) => apiFetch<UnsubscribeInfoDto>(`/unsubscribe/${enc(token)}`, opts(signal)),
  unsubscribe: (token: string) => apiFetch<UnsubscribeResultDto>(`/unsubscribe/${enc(token)}`, { method: 'POST', body: {} }),
};
