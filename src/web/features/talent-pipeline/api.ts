/** API calls of the talent-pipeline area: opportunities, students, applications, matching, the engagement ledger. */
import type { ApplicationCreateInput, ApplicationDto, ApplicationStatus, ApplicationUpdateInput, FairnessDto, FunnelDto } from '../../../shared/applications.contract';
import type { Page } from '../../../shared/common.contract';
import type { CapacityDto, CapacityInput, EngagementRequestDto, EngagementRequestInput, EngagementStatus } from '../../../shared/engagements.contract';
import type { CandidateDto, MatchDto } from '../../../shared/matching.contract';
import type { Audience, OpportunityCreateInput, OpportunityDto, OpportunityKind, OpportunityUpdateInput } from '../../../shared/opportunities.contract';
import type { AccessLogEntryDto, CorrectionRequestDto, DirectoryOptOutDto, GuardianConsentDto, guardianConsentInput, PortfolioItemDto, PortfolioItemInput, ShareDto, StudentDto, StudentListItemDto, StudentRecordExportDto } from '../../../shared/students.contract';
import type { z } from 'zod';
import { apiFetch, buildUrl } from '../../api/client';

const enc = encodeURIComponent;
const c = (slug: string) => `/coalitions/${enc(slug)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface OpportunityParams {
  q?: string;
  kind?: OpportunityKind | '';
  audience?: Audience | '';
  compensation?: 'paid' | 'stipend' | 'unpaid' | '';
  pathway?: string;
  skill?: string;
  status?: string;
  employerId?: string;
  limit?: number;
  cursor?: string | null;
}
export interface ApplicationParams {
  status?: ApplicationStatus | '';
  opportunityId?: string;
  studentId?: string;
  employerId?: string;
  limit?: number;
  cursor?: string | null;
}
export interface EngagementParams {
  status?: EngagementStatus | '';
  limit?: number;
  cursor?: string | null;
}

export const tpApi = {
  opportunities: (slug: string, params: OpportunityParams, signal?: AbortSignal) =>
    apiFetch<Page<OpportunityDto>>(`${c(slug)}/opportunities`, { query: { ...params }, ...opts(signal) }),
  opportunity: (slug: string, id: string) => apiFetch<OpportunityDto>(`${c(slug)}/opportunities/${enc(id)}`),
  createOpportunity: (slug: string, body: OpportunityCreateInput) => apiFetch<OpportunityDto>(`${c(slug)}/opportunities`, { method: 'POST', body }),
  updateOpportunity: (slug: string, id: string, body: OpportunityCreateInput | OpportunityUpdateInput) =>
    apiFetch<OpportunityDto>(`${c(slug)}/opportunities/${enc(id)}`, { method: 'PATCH', body }),
  candidates: (slug: string, id: string, params: { showCredentials: boolean; limit?: number; cursor?: string | null }) =>
    apiFetch<Page<CandidateDto>>(`${c(slug)}/opportunities/${enc(id)}/candidates`, { query: { ...params, showCredentials: String(params.showCredentials) } }),

  students: (slug: string, params: { q?: string; limit?: number; cursor?: string | null }) =>
    apiFetch<Page<StudentListItemDto>>(`${c(slug)}/students`, { query: { ...params } }),
  student: (slug: string, id: string) => apiFetch<StudentDto>(`${c(slug)}/students/${enc(id)}`),
  matches: (slug: string, id: string, params: { limit?: number; cursor?: string | null }) =>
    apiFetch<Page<MatchDto>>(`${c(slug)}/students/${enc(id)}/matches`, { query: { ...params } }),
  share: (slug: string, id: string, employerId: string) =>
    apiFetch<{ items: ShareDto[] }>(`${c(slug)}/students/${enc(id)}/shares`, { method: 'POST', body: { employerId } }),
  unshare: (slug: string, id: string, employerId: string) => apiFetch<void>(`${c(slug)}/students/${enc(id)}/shares/${enc(employerId)}`, { method: 'DELETE' }),
  recordConsent: (slug: string, id: string, body: z.input<typeof guardianConsentInput>) =>
    apiFetch<GuardianConsentDto>(`${c(slug)}/students/${enc(id)}/guardian-consent`, { method: 'POST', body }),
  revokeConsent: (slug: string, id: string) => apiFetch<void>(`${c(slug)}/students/${enc(id)}/guardian-consent`, { method: 'DELETE' }),
  accessLog: (slug: string, id: string) => apiFetch<Page<AccessLogEntryDto>>(`${c(slug)}/students/${enc(id)}/access-log`, { query: { limit: 20 } }),
  exportRecord: (slug: string, id: string) => apiFetch<StudentRecordExportDto>(`${c(slug)}/students/${enc(id)}/export`),
  setDirectoryOptOut: (slug: string, id: string, optOut: boolean) =>
    apiFetch<DirectoryOptOutDto>(`${c(slug)}/students/${enc(id)}/directory-opt-out`, { method: 'PUT', body: { optOut } }),
  corrections: (slug: string, id: string) => apiFetch<Page<CorrectionRequestDto>>(`${c(slug)}/students/${enc(id)}/correction-requests`, { query: { limit: 50 } }),
  requestCorrection: (slug: string, id: string, body: { field: string; requestedValue: string; reason: string }) =>
    apiFetch<CorrectionRequestDto>(`${c(slug)}/students/${enc(id)}/correction-requests`, { method: 'POST', body }),
  resolveCorrection: (slug: string, id: string, requestId: string, body: { decision: 'accepted' | 'rejected'; note?: string }) =>
    apiFetch<CorrectionRequestDto>(`${c(slug)}/students/${enc(id)}/correction-requests/${enc(requestId)}/resolve`, { method: 'POST', body }),
  addPortfolioItem: (slug: string, id: string, body: PortfolioItemInput) =>
    apiFetch<PortfolioItemDto>(`${c(slug)}/students/${enc(id)}/portfolio`, { method: 'POST', body }),
  removePortfolioItem: (slug: string, id: string, itemId: string) =>
    apiFetch<void>(`${c(slug)}/students/${enc(id)}/portfolio/${enc(itemId)}`, { method: 'DELETE' }),

  applications: (slug: string, params: ApplicationParams, signal?: AbortSignal) =>
    apiFetch<Page<ApplicationDto>>(`${c(slug)}/applications`, { query: { ...params }, ...opts(signal) }),
  apply: (slug: string, body: ApplicationCreateInput) => apiFetch<ApplicationDto>(`${c(slug)}/applications`, { method: 'POST', body }),
  move: (slug: string, id: string, body: ApplicationUpdateInput) =>
    apiFetch<ApplicationDto>(`${c(slug)}/applications/${enc(id)}`, { method: 'PATCH', body }),
  funnel: (slug: string, params: { year?: number | undefined; kind?: string; employerId?: string }) =>
    apiFetch<FunnelDto>(`${c(slug)}/applications/funnel`, { query: { ...params } }),
  fairness: (slug: string, params: { year?: number | undefined }) => apiFetch<FairnessDto>(`${c(slug)}/applications/fairness`, { query: { ...params } }),

  capacities: (slug: string, year: number) => apiFetch<{ items: CapacityDto[] }>(`${c(slug)}/engagements/capacities`, { query: { year } }),
  declareCapacity: (slug: string, organizationId: string, year: number, body: CapacityInput) =>
    apiFetch<CapacityDto>(`${c(slug)}/engagements/capacities/${enc(organizationId)}/${year}`, { method: 'PUT', body }),
  requests: (slug: string, params: EngagementParams) => apiFetch<Page<EngagementRequestDto>>(`${c(slug)}/engagements/requests`, { query: { ...params } }),
  createRequest: (slug: string, body: EngagementRequestInput) =>
    apiFetch<EngagementRequestDto>(`${c(slug)}/engagements/requests`, { method: 'POST', body }),
  broker: (slug: string, id: string, employerId: string | null) =>
    apiFetch<EngagementRequestDto>(`${c(slug)}/engagements/requests/${enc(id)}/broker`, { method: 'POST', body: { employerId } }),
  decide: (slug: string, id: string, status: 'delivered' | 'declined' | 'cancelled') =>
    apiFetch<EngagementRequestDto>(`${c(slug)}/engagements/requests/${enc(id)}`, { method: 'PATCH', body: { status } }),
};

export const tpDownloads = {
  opportunitiesCsv: (slug: string) => buildUrl(`${c(slug)}/opportunities.csv`),
  studentsCsv: (slug: string) => buildUrl(`${c(slug)}/students.csv`),
  studentRecord: (slug: string, id: string) => buildUrl(`${c(slug)}/students/${enc(id)}/export`),
  jobPosting: (slug: string, id: string) => buildUrl(`/public/coalitions/${enc(slug)}/opportunities/${enc(id)}/job-posting`),
};

/** Query keys: everything under ['coalitions', slug, 'talent-pipeline'] so one invalidation refreshes the area. */
export const tpKeys = {
  all: (slug: string) => ['coalitions', slug, 'talent-pipeline'] as const,
  opportunities: (slug: string, params: OpportunityParams) => ['coalitions', slug, 'talent-pipeline', 'opportunities', params] as const,
  opportunity: (slug: string, id: string) => ['coalitions', slug, 'talent-pipeline', 'opportunity', id] as const,
  candidates: (slug: string, id: string, reveal: boolean) => ['coalitions', slug, 'talent-pipeline', 'candidates', id, reveal] as const,
  myStudent: (slug: string) => ['coalitions', slug, 'talent-pipeline', 'my-student'] as const,
  student: (slug: string, id: string) => ['coalitions', slug, 'talent-pipeline', 'student', id] as const,
  matches: (slug: string, id: string) => ['coalitions', slug, 'talent-pipeline', 'matches', id] as const,
  accessLog: (slug: string, id: string) => ['coalitions', slug, 'talent-pipeline', 'access-log', id] as const,
  corrections: (slug: string, id: string) => ['coalitions', slug, 'talent-pipeline', 'corrections', id] as const,
  employers: (slug: string) => ['coalitions', slug, 'talent-pipeline', 'employers'] as const,
  applications: (slug: string, params: ApplicationParams) => ['coalitions', slug, 'talent-pipeline', 'applications', params] as const,
  funnel: (slug: string, params: object) => ['coalitions', slug, 'talent-pipeline', 'funnel', params] as const,
  fairness: (slug: string, year: number | undefined) => ['coalitions', slug, 'talent-pipeline', 'fairness', year ?? null] as const,
  capacities: (slug: string, year: number) => ['coalitions', slug, 'talent-pipeline', 'capacities', year] as const,
  requests: (slug: string, params: EngagementParams) => ['coalitions', slug, 'talent-pipeline', 'requests', params] as const,
};
