/** API calls of the coalition-building area: prospects, coverage, commitments, onboarding, library. */
import type { Page, ProblemBody } from '../../../shared/common.contract';
import type { CommitmentCreateInput, CommitmentDto, CommitmentStatus, CommitmentUpdateInput, CommitmentTemplate, CommitmentsFromTemplatesInput } from '../../../shared/commitments.contract';
import type { OrganizationType } from '../../../shared/common.contract';
import type { CoverageDto, InitiativeDecisionMakersDto, Seat } from '../../../shared/coverage.contract';
import type { DocumentDto, DocumentVersionDto } from '../../../shared/documents.contract';
import type { OrganizationDto } from '../../../shared/organizations.contract';
import type { PersonDto } from '../../../shared/people.contract';
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
  assignSeat: (slug: string, seat: Seat, personId: string) => apiFetch<CoverageDto>(`${c(slug)}/coverage/seats/${enc(seat)}/holders`, { method: 'POST', body: { personId } }),
  clearSeat: (slug: string, seat: Seat, personId: string) => apiFetch<void>(`${c(slug)}/coverage/seats/${enc(seat)}/holders/${enc(personId)}`, { method: 'DELETE' }),
  decisionMakers: (slug: string) => ['coalition-building', slug, 'decision-makers'] as const,
  commitments: (slug: string, overdue: boolean) => ['coalition-building', slug, 'commitments', overdue] as const,
  onboarding: (slug: string) => ['coalition-building', slug, 'onboarding'] as const,
  documents: (slug: string, q: string) => ['coalition-building', slug, 'documents', q] as const,
  versions: (slug: string, id: string) => ['coalition-building', slug, 'documents', 'versions', id] as const,
  templates: (slug: string) => ['coalition-building', slug, 'templates'] as const,
  people: (slug: string) => ['coalition-building', slug, 'people'] as const,
  organizations: (slug: string) => ['coalition-building', slug, 'organizations'] as const,
};

/** Every page of a list (a regional coalition has hundreds of people and organizations at most): for pickers. */
async function everyPage<T>(load: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page = await load(cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return all;
}

/** Multipart POST: the JSON helper does not send files. */
async function postForm<T>(path: string, form: FormData): Promise<T> {
  const response = await fetch(buildUrl(path), { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = (body ?? { type: 'about:blank', title: 'Upload failed', status: response.status, detail: 'The upload failed', code: 'upload_failed' }) as ProblemBody;
    throw new ApiError(problem);
  }
  return body as T;
}

export const cbApi = {
  prospects: (slug: string, p: { q?: string; stage?: ProspectStage | ''; cursor?: string | null }, signal?: AbortSignal) =>
    apiFetch<Page<ProspectDto>>(`${c(slug)}/prospects`, { query: { q: p.q, stage: p.stage, cursor: p.cursor, limit: 50 }, ...opts(signal) }),
  summary: (slug: string, signal?: AbortSignal) => apiFetch<PipelineSummaryDto>(`${c(slug)}/prospects-summary`, opts(signal)),
  prospect: (slug: string, id: string, signal?: AbortSignal) => apiFetch<ProspectDto>(`${c(slug)}/prospects/${enc(id)}`, opts(signal)),
  createProspect: (slug: string, body: ProspectCreateInput) => apiFetch<ProspectDto>(`${c(slug)}/prospects`, { method: 'POST', body }),
  updateProspect: (slug: string, id: string, body: ProspectUpdateInput) => apiFetch<ProspectDto>(`${c(slug)}/prospects/${enc(id)}`, { method: 'PATCH', body }),
  removeContact: (slug: string, id: string, contactId: string) => apiFetch<void>(`${c(slug)}/prospects/${enc(id)}/contacts/${enc(contactId)}`, { method: 'DELETE' }),
  addContact: (slug: string, id: string, body: ProspectContactInput) => apiFetch<ProspectContactDto>(`${c(slug)}/prospects/${enc(id)}/contacts`, { method: 'POST', body }),
  activities: (slug: string, id: string, signal?: AbortSignal) => apiFetch<{ items: ProspectActivityDto[] }>(`${c(slug)}/prospects/${enc(id)}/activities`, opts(signal)),
  addActivity: (slug: string, id: string, body: ProspectActivityInput) => apiFetch<ProspectActivityDto>(`${c(slug)}/prospects/${enc(id)}/activities`, { method: 'POST', body }),
  coverage: (slug: string, signal?: AbortSignal) => apiFetch<CoverageDto>(`${c(slug)}/coverage`, opts(signal)),
  assignSeat: (slug: string, seat: Seat, personId: string) => apiFetch<CoverageDto>(`${c(slug)}/coverage/seats/${enc(seat)}/holders`, { method: 'POST', body: { personId } }),
  clearSeat: (slug: string, seat: Seat, personId: string) => apiFetch<void>(`${c(slug)}/coverage/seats/${enc(seat)}/holders/${enc(personId)}`, { method: 'DELETE' }),
  decisionMakers: (slug: string, signal?: AbortSignal) => apiFetch<InitiativeDecisionMakersDto>(`${c(slug)}/coverage/initiatives`, opts(signal)),
  commitments: (slug: string, p: { overdue: boolean; cursor?: string | null }, signal?: AbortSignal) =>
    apiFetch<Page<CommitmentDto>>(`${c(slug)}/commitments`, { query: { overdue: p.overdue ? 'true' : undefined, cursor: p.cursor, limit: 50 }, ...opts(signal) }),
  setCommitmentStatus: (slug: string, id: string, status: CommitmentStatus) => apiFetch<CommitmentDto>(`${c(slug)}/commitments/${enc(id)}`, { method: 'PATCH', body: { status } }),
  updateCommitment: (slug: string, id: string, body: CommitmentUpdateInput) => apiFetch<CommitmentDto>(`${c(slug)}/commitments/${enc(id)}`, { method: 'PATCH', body }),
  createCommitment: (slug: string, body: CommitmentCreateInput) => apiFetch<CommitmentDto>(`${c(slug)}/commitments`, { method: 'POST', body }),
  commitmentsFromTemplates: (slug: string, body: CommitmentsFromTemplatesInput) => apiFetch<{ items: CommitmentDto[] }>(`${c(slug)}/commitments/from-templates`, { method: 'POST', body }),
  deleteCommitment: (slug: string, id: string) => apiFetch<void>(`${c(slug)}/commitments/${enc(id)}`, { method: 'DELETE' }),
  templates: (slug: string, signal?: AbortSignal) =>
    apiFetch<{ items: { organizationType: OrganizationType; templates: CommitmentTemplate[] }[] }>(`${c(slug)}/commitments/templates`, opts(signal)),
  acceptDataSharing: (slug: string, organizationId: string) => apiFetch<OnboardingDto>(`${c(slug)}/onboarding/${enc(organizationId)}/data-sharing`, { method: 'POST' }),
  allPeople: (slug: string, signal?: AbortSignal) => everyPage((cursor) => apiFetch<Page<PersonDto>>(`${c(slug)}/people`, { query: { cursor, limit: 200 }, ...opts(signal) })),
  allOrganizations: (slug: string, signal?: AbortSignal) =>
    everyPage((cursor) => apiFetch<Page<OrganizationDto>>(`${c(slug)}/organizations`, { query: { cursor, limit: 200 }, ...opts(signal) })),
  onboarding: (slug: string, cursor: string | null, signal?: AbortSignal) => apiFetch<Page<OnboardingDto>>(`${c(slug)}/onboarding`, { query: { cursor, limit: 50 }, ...opts(signal) }),
  documents: (slug: string, p: { q?: string; cursor?: string | null }, signal?: AbortSignal) => apiFetch<Page<DocumentDto>>(`${c(slug)}/documents`, { query: { q: p.q, cursor: p.cursor, limit: 50 }, ...opts(signal) }),
  fileUrl: (slug: string, id: string, version?: number) => buildUrl(`${c(slug)}/documents/${enc(id)}/file`, { version }),
  versions: (slug: string, id: string, signal?: AbortSignal) => apiFetch<{ items: DocumentVersionDto[] }>(`${c(slug)}/documents/${enc(id)}/versions`, opts(signal)),
  upload: (slug: string, form: FormData) => postForm<DocumentDto>(`${c(slug)}/documents`, form),
  uploadVersion: (slug: string, id: string, form: FormData) => postForm<DocumentDto>(`${c(slug)}/documents/${enc(id)}/versions`, form),
  deleteDocument: (slug: string, id: string) => apiFetch<void>(`${c(slug)}/documents/${enc(id)}`, { method: 'DELETE' }),
};
