/** API calls of the coalition-building area: prospects, coverage, commitments, onboarding, library. */
import type { Page, ProblemBody } from '../../../shared/common.contract';
import type { CommitmentDto, CommitmentStatus } from '../../../shared/commitments.contract';
import type { CoverageDto, InitiativeDecisionMakersDto } from '../../../shared/coverage.contract';
import type { DocumentDto } from '../../../shared/documents.contract';
import type { OnboardingDto } from '../../../shared/onboarding.contract';
import type { PipelineSummaryDto, ProspectActivityDto, ProspectActivityInput, ProspectContactDto, ProspectContactInput, ProspectCreateInput, ProspectDto, ProspectStage, ProspectUpdateInput } from '../../../shared/prospects.contract';
import { ApiError, apiFetch, buildUrl } from '../../api/client';

const enc = encodeURIComponent;
const c = (slug: string) => `/coalitions/${enc(slug)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const cbKeys = {
  all: (slug: string) => ['coalition-building', slug] as const,
  prospects: (slug: string, q: string, stage: string) => ['coalition-building', slug, 'prospects', q, stage] as const,
  summary: (slug: string) => ['coalition-building', slug, 'summary'] as const,
  prospect: (slug: string, id: string) => ['coalition-building', slug, 'prospect', id] as const,
  activities: (slug: string, id: string) => ['coalition-building', slug, 'prospect', id, 'activities'] as const,
  coverage: (slug: string) => ['coalition-building', slug, 'coverage'] as const,
  decisionMakers: (slug: string) => ['coalition-building', slug, 'decision-makers'] as const,
  commitments: (slug: string, overdue: boolean) => ['coalition-building', slug, 'commitments', overdue] as const,
  onboarding: (slug: string) => ['coalition-building', slug, 'onboarding'] as const,
  documents: (slug: string, q: string) => ['coalition-building', slug, 'documents', q] as const,
};

export const cbApi = {
  prospects: (slug: string, p: { q?: string; stage?: ProspectStage | ''; cursor?: string | null }, signal?: AbortSignal) =>
    apiFetch<Page<ProspectDto>>(`${c(slug)}/prospects`, { query: { q: p.q, stage: p.stage, cursor: p.cursor, limit: 50 }, ...opts(signal) }),
  summary: (slug: string, signal?: AbortSignal) => apiFetch<PipelineSummaryDto>(`${c(slug)}/prospects-summary`, opts(signal)),
  prospect: (slug: string, id: string, signal?: AbortSignal) => apiFetch<ProspectDto>(`${c(slug)}/prospects/${enc(id)}`, opts(signal)),
  createProspect: (slug: string, body: ProspectCreateInput) => apiFetch<ProspectDto>(`${c(slug)}/prospects`, { method: 'POST', body }),
  updateProspect: (slug: string, id: string, body: ProspectUpdateInput) => apiFetch<ProspectDto>(`${c(slug)}/prospects/${enc(id)}`, { method: 'PATCH', body }),
  addContact: (slug: string, id: string, body: ProspectContactInput) => apiFetch<ProspectContactDto>(`${c(slug)}/prospects/${enc(id)}/contacts`, { method: 'POST', body }),
  activities: (slug: string, id: string, signal?: AbortSignal) => apiFetch<{ items: ProspectActivityDto[] }>(`${c(slug)}/prospects/${enc(id)}/activities`, opts(signal)),
  addActivity: (slug: string, id: string, body: ProspectActivityInput) => apiFetch<ProspectActivityDto>(`${c(slug)}/prospects/${enc(id)}/activities`, { method: 'POST', body }),
  coverage: (slug: string, signal?: AbortSignal) => apiFetch<CoverageDto>(`${c(slug)}/coverage`, opts(signal)),
  decisionMakers: (slug: string, signal?: AbortSignal) => apiFetch<InitiativeDecisionMakersDto>(`${c(slug)}/coverage/initiatives`, opts(signal)),
  commitments: (slug: string, p: { overdue: boolean; cursor?: string | null }, signal?: AbortSignal) =>
    apiFetch<Page<CommitmentDto>>(`${c(slug)}/commitments`, { query: { overdue: p.overdue ? 'true' : undefined, cursor: p.cursor, limit: 50 }, ...opts(signal) }),
  setCommitmentStatus: (slug: string, id: string, status: CommitmentStatus) => apiFetch<CommitmentDto>(`${c(slug)}/commitments/${enc(id)}`, { method: 'PATCH', body: { status } }),
  onboarding: (slug: string, cursor: string | null, signal?: AbortSignal) => apiFetch<Page<OnboardingDto>>(`${c(slug)}/onboarding`, { query: { cursor, limit: 50 }, ...opts(signal) }),
  documents: (slug: string, p: { q?: string; cursor?: string | null }, signal?: AbortSignal) => apiFetch<Page<DocumentDto>>(`${c(slug)}/documents`, { query: { q: p.q, cursor: p.cursor, limit: 50 }, ...opts(signal) }),
  fileUrl: (slug: string, id: string) => buildUrl(`${c(slug)}/documents/${enc(id)}/file`),
  /** Multipart upload: the JSON helper does not send files. */
  async upload(slug: string, form: FormData): Promise<DocumentDto> {
    const response = await fetch(buildUrl(`${c(slug)}/documents`), { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json' } });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const problem = (body ?? { type: 'about:blank', title: 'Upload failed', status: response.status, detail: 'The upload failed', code: 'upload_failed' }) as ProblemBody;
      throw new ApiError(problem);
    }
    return body as DocumentDto;
  },
};
