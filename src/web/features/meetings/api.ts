/** API calls of the meetings area. */
import type { Page } from '../../../shared/common.contract';
import type { ActionItemCreateInput, ActionItemDto, AgendaDto, InviteeDto, MeetingCreateInput, MeetingDto, MeetingUpdateInput } from '../../../shared/meetings.contract';
import { apiFetch } from '../../api/client';

const enc = encodeURIComponent;
const m = (slug: string, id?: string) => `/coalitions/${enc(slug)}/meetings${id ? `/${enc(id)}` : ''}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const meetingKeys = {
  list: (slug: string) => ['meetings', slug, 'list'] as const,
  one: (slug: string, id: string) => ['meetings', slug, id] as const,
};

export const meetingsApi = {
  list: (slug: string, signal?: AbortSignal) => apiFetch<Page<MeetingDto>>(m(slug), { query: { limit: 200 }, ...opts(signal) }),
  get: (slug: string, id: string, signal?: AbortSignal) => apiFetch<MeetingDto>(m(slug, id), opts(signal)),
  create: (slug: string, body: MeetingCreateInput) => apiFetch<MeetingDto>(m(slug), { method: 'POST', body }),
  update: (slug: string, id: string, body: MeetingUpdateInput) => apiFetch<MeetingDto>(m(slug, id), { method: 'PATCH', body }),
  agenda: (slug: string, id: string, signal?: AbortSignal) => apiFetch<AgendaDto>(`${m(slug, id)}/agenda`, opts(signal)),
  invitees: (slug: string, id: string, signal?: AbortSignal) => apiFetch<InviteeDto[]>(`${m(slug, id)}/invitees`, opts(signal)),
  checkIn: (slug: string, id: string, personId: string, attended: boolean) => apiFetch<InviteeDto[]>(`${m(slug, id)}/attendance`, { method: 'POST', body: { personId, attended } }),
  actionItems: (slug: string, id: string, signal?: AbortSignal) => apiFetch<ActionItemDto[]>(`${m(slug, id)}/action-items`, opts(signal)),
  addActionItem: (slug: string, id: string, body: ActionItemCreateInput) => apiFetch<ActionItemDto>(`${m(slug, id)}/action-items`, { method: 'POST', body }),
  followUp: (slug: string, id: string) => apiFetch<{ jobId: string }>(`${m(slug, id)}/follow-up`, { method: 'POST' }),
};
