/** API calls of the meetings area. */
import type { Page } from '../../../shared/common.contract';
import type {
  ActionItemCreateInput,
  ActionItemDto,
  ActionItemUpdateInput,
  AgendaDto,
  AgendaItemCreateInput,
  InviteeDto,
  MeetingCreateInput,
  MeetingDto,
  MeetingUpdateInput,
} from '../../../shared/meetings.contract';
import { apiFetch, buildUrl } from '../../api/client';

const enc = encodeURIComponent;
const m = (slug: string, id?: string) => `/coalitions/${enc(slug)}/meetings${id ? `/${enc(id)}` : ''}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface MeetingWindow {
  from?: string;
  to?: string;
}

export const meetingKeys = {
  all: (slug: string) => ['meetings', slug] as const,
  list: (slug: string) => ['meetings', slug, 'list'] as const,
  window: (slug: string, w: MeetingWindow) => ['meetings', slug, 'list', w] as const,
  one: (slug: string, id: string) => ['meetings', slug, id] as const,
  mine: (slug: string, status: string) => ['meetings', slug, 'my-action-items', status] as const,
};

export const meetingsApi = {
  list: (slug: string, signal?: AbortSignal, w: MeetingWindow = {}) => apiFetch<Page<MeetingDto>>(m(slug), { query: { limit: 200, from: w.from, to: w.to }, ...opts(signal) }),
  get: (slug: string, id: string, signal?: AbortSignal) => apiFetch<MeetingDto>(m(slug, id), opts(signal)),
  create: (slug: string, body: MeetingCreateInput) => apiFetch<MeetingDto>(m(slug), { method: 'POST', body }),
  update: (slug: string, id: string, body: MeetingUpdateInput) => apiFetch<MeetingDto>(m(slug, id), { method: 'PATCH', body }),
  remove: (slug: string, id: string, reason?: string) => apiFetch<void>(m(slug, id), { method: 'DELETE', ...(reason ? { body: { reason } } : {}) }),
  rsvp: (slug: string, id: string, rsvp: 'yes' | 'no' | 'maybe') => apiFetch<MeetingDto>(`${m(slug, id)}/rsvp`, { method: 'PUT', body: { rsvp } }),
  agenda: (slug: string, id: string, signal?: AbortSignal) => apiFetch<AgendaDto>(`${m(slug, id)}/agenda`, opts(signal)),
  propose: (slug: string, id: string, body: AgendaItemCreateInput) => apiFetch<unknown>(`${m(slug, id)}/agenda-items`, { method: 'POST', body }),
  updateAgendaItem: (slug: string, id: string, itemId: string, body: { title?: string; status?: 'proposed' | 'accepted' | 'declined'; position?: number }) =>
    apiFetch<unknown>(`${m(slug, id)}/agenda-items/${enc(itemId)}`, { method: 'PATCH', body }),
  invitees: (slug: string, id: string, signal?: AbortSignal) => apiFetch<InviteeDto[]>(`${m(slug, id)}/invitees`, opts(signal)),
  checkIn: (slug: string, id: string, personId: string, attended: boolean) => apiFetch<InviteeDto[]>(`${m(slug, id)}/attendance`, { method: 'POST', body: { personId, attended } }),
  actionItems: (slug: string, id: string, signal?: AbortSignal) => apiFetch<ActionItemDto[]>(`${m(slug, id)}/action-items`, opts(signal)),
  addActionItem: (slug: string, id: string, body: ActionItemCreateInput) => apiFetch<ActionItemDto>(`${m(slug, id)}/action-items`, { method: 'POST', body }),
  updateActionItem: (slug: string, id: string, itemId: string, body: ActionItemUpdateInput) =>
    apiFetch<ActionItemDto>(`${m(slug, id)}/action-items/${enc(itemId)}`, { method: 'PATCH', body }),
  actionItemToTask: (slug: string, id: string, itemId: string, initiativeId: string) =>
    apiFetch<ActionItemDto>(`${m(slug, id)}/action-items/${enc(itemId)}/task`, { method: 'POST', body: { initiativeId } }),
  myActionItems: (slug: string, status: 'open' | 'done' | 'all', signal?: AbortSignal) =>
    apiFetch<Page<ActionItemDto>>(`/coalitions/${enc(slug)}/my/action-items`, { query: { limit: 200, status: status === 'all' ? undefined : status }, ...opts(signal) }),
  followUp: (slug: string, id: string) => apiFetch<{ jobId: string }>(`${m(slug, id)}/follow-up`, { method: 'POST' }),
  createFeed: (slug: string) => apiFetch<{ url: string; createdAt: string }>(`/coalitions/${enc(slug)}/calendar-feed`, { method: 'POST' }),
  revokeFeeds: (slug: string) => apiFetch<{ revoked: number }>(`/coalitions/${enc(slug)}/calendar-feed`, { method: 'DELETE' }),
};

/** Plain links (the session cookie goes with them). */
export const meetingFiles = {
  ics: (slug: string, id: string) => buildUrl(`${m(slug, id)}/calendar.ics`),
  agendaPdf: (slug: string, id: string) => buildUrl(`${m(slug, id)}/agenda.pdf`),
};
