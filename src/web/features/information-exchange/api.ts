/** API calls of the information-exchange area (hiring needs, programs, alignment, forum, contacts). */
import type {
  HeatmapDto,
  InstitutionAlignmentDetailDto,
  InstitutionAlignmentDto,
  OccupationAlignmentDetailDto,
  OccupationAlignmentDto,
  SkillAlignmentDetailDto,
  SkillAlignmentDto,
} from '../../../shared/alignment.contract';
import type { Page } from '../../../shared/common.contract';
import type { CommentCreateInput, CommentDto, ProposalCreateInput, ProposalDetailDto, ProposalDto, ProposalStatus, ProposalUpdateInput } from '../../../shared/curriculum.contract';
import type { CandidateProfileDto, HiringNeedCreateInput, HiringNeedDto } from '../../../shared/hiring-needs.contract';
import type { NotificationDto } from '../../../shared/notifications.contract';
import type { ContactAssignmentDto, ContactRequestDto, ContactRequestInput, ContactTopic } from '../../../shared/points-of-contact.contract';
import type { CourseDto, CourseVersionDto, ProgramDto } from '../../../shared/programs.contract';
import type { SkillRefDto } from '../../../shared/skills.contract';
import { apiFetch, buildUrl } from '../../api/client';

const enc = encodeURIComponent;
const c = (slug: string) => `/coalitions/${enc(slug)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface NeedParams {
  q?: string;
  employerId?: string;
  soc?: string;
  skillId?: string;
  level?: string;
  limit?: number;
  cursor?: string | null;
}
export interface ProgramParams {
  q?: string;
  institutionId?: string;
  awardLevel?: string;
  skillId?: string;
  soc?: string;
  limit?: number;
  cursor?: string | null;
}
export interface ProposalParams {
  q?: string;
  status?: ProposalStatus | '';
  institutionId?: string;
  courseId?: string;
  skillId?: string;
  following?: 'true' | '';
  limit?: number;
  cursor?: string | null;
}
export interface SkillGapParams {
  q?: string;
  sort?: 'gap' | 'demand' | 'supply' | 'name';
  demanded?: 'true' | '';
}
export interface OccupationGapParams {
  q?: string;
  sort?: 'gap' | 'demand' | 'supply' | 'growth' | 'soc';
}

export type SkillGapResponse = { items: SkillAlignmentDto[]; totals: { demand: number; supply: number; gap: number }; method: string };
export type NotificationPage = { items: NotificationDto[]; nextCursor: string | null; unreadCount: number };

export const ixApi = {
  skills: (slug: string, q: string, signal?: AbortSignal) => apiFetch<{ items: SkillRefDto[] }>(`${c(slug)}/skills`, { query: { q, limit: 20 }, ...opts(signal) }),

  needs: (slug: string, params: NeedParams, signal?: AbortSignal) => apiFetch<Page<HiringNeedDto>>(`${c(slug)}/hiring-needs`, { query: { ...params }, ...opts(signal) }),
  needsCsv: (slug: string, params: Omit<NeedParams, 'limit' | 'cursor'>) => buildUrl(`${c(slug)}/hiring-needs.csv`, { ...params }),
  need: (slug: string, id: string) => apiFetch<HiringNeedDto>(`${c(slug)}/hiring-needs/${enc(id)}`),
  createNeed: (slug: string, body: HiringNeedCreateInput) => apiFetch<HiringNeedDto>(`${c(slug)}/hiring-needs`, { method: 'POST', body }),
  deleteNeed: (slug: string, id: string) => apiFetch<void>(`${c(slug)}/hiring-needs/${enc(id)}`, { method: 'DELETE' }),
  profile: (slug: string, employerId: string) => apiFetch<CandidateProfileDto>(`${c(slug)}/hiring-needs/profiles/${enc(employerId)}`),

  programs: (slug: string, params: ProgramParams, signal?: AbortSignal) => apiFetch<Page<ProgramDto>>(`${c(slug)}/programs`, { query: { ...params }, ...opts(signal) }),
  programsCsv: (slug: string, params: Omit<ProgramParams, 'limit' | 'cursor'>) => buildUrl(`${c(slug)}/programs.csv`, { ...params }),
  program: (slug: string, id: string) => apiFetch<ProgramDto>(`${c(slug)}/programs/${enc(id)}`),
  courses: (slug: string, params: { q?: string; institutionId?: string; limit?: number }) => apiFetch<Page<CourseDto>>(`${c(slug)}/courses`, { query: { ...params } }),
  course: (slug: string, id: string) => apiFetch<CourseDto>(`${c(slug)}/courses/${enc(id)}`),
  courseVersions: (slug: string, id: string) => apiFetch<{ items: CourseVersionDto[] }>(`${c(slug)}/courses/${enc(id)}/versions`),

  skillGap: (slug: string, params: SkillGapParams, signal?: AbortSignal) => apiFetch<SkillGapResponse>(`${c(slug)}/alignment/skills`, { query: { ...params }, ...opts(signal) }),
  skillGapCsv: (slug: string) => buildUrl(`${c(slug)}/alignment/skills.csv`),
  skillGapDetail: (slug: string, skillId: string) => apiFetch<SkillAlignmentDetailDto>(`${c(slug)}/alignment/skills/${enc(skillId)}`),
  occupationGap: (slug: string, params: OccupationGapParams, signal?: AbortSignal) =>
    apiFetch<{ items: OccupationAlignmentDto[]; method: string }>(`${c(slug)}/alignment/occupations`, { query: { ...params }, ...opts(signal) }),
  occupationGapCsv: (slug: string) => buildUrl(`${c(slug)}/alignment/occupations.csv`),
  occupationGapDetail: (slug: string, soc: string) => apiFetch<OccupationAlignmentDetailDto>(`${c(slug)}/alignment/occupations/${enc(soc)}`),
  institutions: (slug: string) => apiFetch<{ items: InstitutionAlignmentDto[] }>(`${c(slug)}/alignment/institutions`),
  institution: (slug: string, id: string) => apiFetch<InstitutionAlignmentDetailDto>(`${c(slug)}/alignment/institutions/${enc(id)}`),
  heatmap: (slug: string, limit: number) => apiFetch<HeatmapDto>(`${c(slug)}/alignment/heatmap`, { query: { limit } }),

  proposals: (slug: string, params: ProposalParams, signal?: AbortSignal) => apiFetch<Page<ProposalDto>>(`${c(slug)}/curriculum-proposals`, { query: { ...params }, ...opts(signal) }),
  proposal: (slug: string, id: string) => apiFetch<ProposalDetailDto>(`${c(slug)}/curriculum-proposals/${enc(id)}`),
  createProposal: (slug: string, body: ProposalCreateInput) => apiFetch<ProposalDetailDto>(`${c(slug)}/curriculum-proposals`, { method: 'POST', body }),
  updateProposal: (slug: string, id: string, body: ProposalUpdateInput) => apiFetch<ProposalDetailDto>(`${c(slug)}/curriculum-proposals/${enc(id)}`, { method: 'PATCH', body }),
  comments: (slug: string, id: string) => apiFetch<{ items: CommentDto[] }>(`${c(slug)}/curriculum-proposals/${enc(id)}/comments`),
  addComment: (slug: string, id: string, body: CommentCreateInput) => apiFetch<CommentDto>(`${c(slug)}/curriculum-proposals/${enc(id)}/comments`, { method: 'POST', body }),
  follow: (slug: string, id: string, on: boolean) =>
    apiFetch<{ following: boolean; followers: number }>(`${c(slug)}/curriculum-proposals/${enc(id)}/follow`, { method: on ? 'POST' : 'DELETE' }),

  notifications: (slug: string, signal?: AbortSignal) => apiFetch<NotificationPage>(`${c(slug)}/notifications`, { query: { limit: 20 }, ...opts(signal) }),
  markRead: (slug: string, id: string) => apiFetch<NotificationDto>(`${c(slug)}/notifications/${enc(id)}/read`, { method: 'POST' }),
  markAllRead: (slug: string) => apiFetch<{ updated: number }>(`${c(slug)}/notifications/read`, { method: 'POST', body: {} }),

  contacts: (slug: string, params: { topic?: ContactTopic | ''; q?: string }) => apiFetch<{ items: ContactAssignmentDto[] }>(`${c(slug)}/points-of-contact`, { query: { ...params } }),
  sendRequest: (slug: string, body: ContactRequestInput) => apiFetch<ContactRequestDto>(`${c(slug)}/points-of-contact/requests`, { method: 'POST', body }),
  requests: (slug: string) => apiFetch<{ items: ContactRequestDto[] }>(`${c(slug)}/points-of-contact/requests`),
};

/** Query keys: everything under ['coalitions', slug, 'ix'], so one write can refresh the area. */
export const ixKeys = {
  all: (slug: string) => ['coalitions', slug, 'ix'] as const,
  part: (slug: string, ...rest: unknown[]) => ['coalitions', slug, 'ix', ...rest] as const,
};
