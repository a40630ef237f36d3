/**
 * Typed wrappers over the HTTP API. Only *types* come from src/shared here, so the entry bundle
 * does not pull in Zod; forms import the schemas themselves (in their lazily loaded chunks).
 */
import type {
  ApiTokenDto,
  InvitationAcceptInput,
  InvitationCreateInput,
  InvitationDto,
  MeDto,
  PasswordResetCompleteInput,
  SignInInput,
  SignUpInput,
} from '../../shared/auth.contract';
import type { CoalitionCreateInput, CoalitionDto, CoalitionUpdateInput } from '../../shared/coalitions.contract';
import type { OrganizationType, Page, Role } from '../../shared/common.contract';
import type { OrganizationCreateInput, OrganizationDto, OrganizationUpdateInput } from '../../shared/organizations.contract';
import type { PersonCreateInput, PersonDto, PersonUpdateInput } from '../../shared/people.contract';
import type { AuditEntryDto, ImportStatusDto, MailMessageDto } from '../../shared/platform.contract';
import type {
  DatasetDto,
  FactDto,
  HubDto,
  OccupationDetailDto,
  OccupationsResponse,
  RankingDto,
} from '../../shared/labor-market.contract';
import { apiFetch, buildUrl } from './client';

export interface AuthConfigDto {
  signUpOpen: boolean;
  demo: boolean;
}

export interface InvitationPreviewDto {
  coalitionName: string;
  coalitionSlug: string;
  email: string;
  name: string | null;
  roles: Role[];
  accountExists: boolean;
}

export type ApiTokenCreatedDto = ApiTokenDto & { token: string };

export interface Items<T> {
  items: T[];
}

const enc = encodeURIComponent;
const c = (slug: string) => `/coalitions/${enc(slug)}`;

export interface OrganizationListParams {
  q?: string;
  type?: OrganizationType | '';
  subtype?: string;
  limit?: number;
  cursor?: string | null;
}

export interface PersonListParams {
  q?: string;
  role?: Role | '';
  organizationId?: string;
  organizationType?: OrganizationType | '';
  limit?: number;
  cursor?: string | null;
}

export interface CursorParams {
  limit?: number;
  cursor?: string | null;
}

export const api = {
  auth: {
    config: () => apiFetch<AuthConfigDto>('/auth/config'),
    me: () => apiFetch<MeDto>('/auth/me'),
    signIn: (body: SignInInput) => apiFetch<MeDto>('/auth/sign-in', { method: 'POST', body }),
    signUp: (body: SignUpInput) => apiFetch<MeDto>('/auth/sign-up', { method: 'POST', body }),
    signOut: () => apiFetch<void>('/auth/sign-out', { method: 'POST' }),
    requestPasswordReset: (body: { email: string }) => apiFetch<void>('/auth/password-reset', { method: 'POST', body }),
    completePasswordReset: (body: PasswordResetCompleteInput) =>
      apiFetch<unknown>('/auth/password-reset/complete', { method: 'POST', body }),
    tokens: () => apiFetch<Items<ApiTokenDto>>('/auth/tokens'),
    createToken: (body: { name: string; currentPassword?: string }) => apiFetch<ApiTokenCreatedDto>('/auth/tokens', { method: 'POST', body }),
    revokeToken: (id: string) => apiFetch<void>(`/auth/tokens/${enc(id)}`, { method: 'DELETE' }),
  },
  invitations: {
    preview: (token: string) => apiFetch<InvitationPreviewDto>(`/invitations/${enc(token)}`),
    accept: (body: InvitationAcceptInput) => apiFetch<MeDto>('/invitations/accept', { method: 'POST', body }),
    list: (slug: string) => apiFetch<Items<InvitationDto>>(`${c(slug)}/invitations`),
    create: (slug: string, body: InvitationCreateInput) =>
      apiFetch<InvitationDto>(`${c(slug)}/invitations`, { method: 'POST', body }),
    revoke: (slug: string, id: string) => apiFetch<void>(`${c(slug)}/invitations/${enc(id)}`, { method: 'DELETE' }),
  },
  coalitions: {
    mine: () => apiFetch<Items<CoalitionDto>>('/coalitions'),
    create: (body: CoalitionCreateInput) => apiFetch<CoalitionDto>('/coalitions', { method: 'POST', body }),
    get: (slug: string) => apiFetch<CoalitionDto>(c(slug)),
    update: (slug: string, body: CoalitionUpdateInput) => apiFetch<CoalitionDto>(c(slug), { method: 'PATCH', body }),
  },
  organizations: {
    list: (slug: string, params: OrganizationListParams, signal?: AbortSignal) =>
      apiFetch<Page<OrganizationDto>>(`${c(slug)}/organizations`, { query: { ...params }, ...(signal ? { signal } : {}) }),
    get: (slug: string, id: string) => apiFetch<OrganizationDto>(`${c(slug)}/organizations/${enc(id)}`),
    create: (slug: string, body: OrganizationCreateInput) =>
      apiFetch<OrganizationDto>(`${c(slug)}/organizations`, { method: 'POST', body }),
    update: (slug: string, id: string, body: OrganizationUpdateInput) =>
      apiFetch<OrganizationDto>(`${c(slug)}/organizations/${enc(id)}`, { method: 'PATCH', body }),
    remove: (slug: string, id: string) => apiFetch<void>(`${c(slug)}/organizations/${enc(id)}`, { method: 'DELETE' }),
  },
  people: {
    list: (slug: string, params: PersonListParams, signal?: AbortSignal) =>
      apiFetch<Page<PersonDto>>(`${c(slug)}/people`, { query: { ...params }, ...(signal ? { signal } : {}) }),
    get: (slug: string, id: string) => apiFetch<PersonDto>(`${c(slug)}/people/${enc(id)}`),
    create: (slug: string, body: PersonCreateInput) => apiFetch<PersonDto>(`${c(slug)}/people`, { method: 'POST', body }),
    update: (slug: string, id: string, body: PersonUpdateInput) =>
      apiFetch<PersonDto>(`${c(slug)}/people/${enc(id)}`, { method: 'PATCH', body }),
    remove: (slug: string, id: string) => apiFetch<void>(`${c(slug)}/people/${enc(id)}`, { method: 'DELETE' }),
  },
  platform: {
    auditLog: (slug: string, params: CursorParams) =>
      apiFetch<Page<AuditEntryDto>>(`${c(slug)}/audit-log`, { query: { ...params } }),
    outbox: (slug: string, params: CursorParams) =>
      apiFetch<Page<MailMessageDto>>(`${c(slug)}/outbox`, { query: { ...params } }),
  },
  laborMarket: {
    regions: (slug: string) => apiFetch<Items<LaborMarketRegion>>(`${c(slug)}/labor-market/regions`),
    occupations: (slug: string, region?: string) =>
      apiFetch<OccupationsResponse>(`${c(slug)}/labor-market/occupations`, { query: { region } }),
    occupation: (slug: string, soc: string) => apiFetch<OccupationDetailDto>(`${c(slug)}/labor-market/occupations/${enc(soc)}`),
    hubs: (slug: string) => apiFetch<Items<HubDto>>(`${c(slug)}/labor-market/hubs`),
    facts: (slug: string) => apiFetch<Items<FactDto>>(`${c(slug)}/labor-market/facts`),
    rankings: (slug: string) => apiFetch<Items<RankingDto>>(`${c(slug)}/labor-market/rankings`),
    datasets: (slug: string) => apiFetch<Items<DatasetDto>>(`${c(slug)}/labor-market/datasets`),
  },
  /** Starting an import sends a file with upload progress: see features/imports/upload.ts. */
  imports: {
    list: (slug: string) => apiFetch<Items<ImportStatusDto>>(`${c(slug)}/imports`),
    get: (slug: string, id: string) => apiFetch<ImportStatusDto>(`${c(slug)}/imports/${enc(id)}`),
  },
};

export interface LaborMarketRegion {
  slug: string;
  name: string;
}

/** Plain links for downloads (the session cookie goes with them). */
export const downloads = {
  occupationsCsv: (slug: string, region?: string) => buildUrl(`${c(slug)}/labor-market/occupations.csv`, { region }),
  hubsCsv: (slug: string) => buildUrl(`${c(slug)}/labor-market/hubs.csv`),
  importErrorsCsv: (slug: string, id: string) => buildUrl(`${c(slug)}/imports/${enc(id)}/errors.csv`),
  importUrl: (slug: string, kind: string) => buildUrl(`${c(slug)}/imports/${enc(kind)}`),
};

/** Query keys in one place so invalidation stays consistent. */
export const keys = {
  me: ['me'] as const,
  authConfig: ['auth', 'config'] as const,
  tokens: ['auth', 'tokens'] as const,
  invitationPreview: (token: string) => ['invitation-preview', token] as const,
  coalition: (slug: string) => ['coalition', slug] as const,
  myCoalitions: ['my-coalitions'] as const,
  organizations: (slug: string) => ['coalitions', slug, 'organizations'] as const,
  organizationList: (slug: string, params: OrganizationListParams) => ['coalitions', slug, 'organizations', 'list', params] as const,
  organization: (slug: string, id: string) => ['coalitions', slug, 'organizations', 'detail', id] as const,
  people: (slug: string) => ['coalitions', slug, 'people'] as const,
  personList: (slug: string, params: PersonListParams) => ['coalitions', slug, 'people', 'list', params] as const,
  person: (slug: string, id: string) => ['coalitions', slug, 'people', 'detail', id] as const,
  invitations: (slug: string) => ['coalitions', slug, 'invitations'] as const,
  auditLog: (slug: string) => ['coalitions', slug, 'audit-log'] as const,
  outbox: (slug: string) => ['coalitions', slug, 'outbox'] as const,
  /** Everything labor-market: invalidated after an import. */
  laborMarket: (slug: string) => ['coalitions', slug, 'labor-market'] as const,
  laborMarketPart: (slug: string, part: 'regions' | 'hubs' | 'facts' | 'rankings' | 'datasets') => ['coalitions', slug, 'labor-market', part] as const,
  occupations: (slug: string, region: string) => ['coalitions', slug, 'labor-market', 'occupations', region] as const,
  occupation: (slug: string, soc: string) => ['coalitions', slug, 'labor-market', 'occupation', soc] as const,
  imports: (slug: string) => ['coalitions', slug, 'imports'] as const,
  importStatus: (slug: string, id: string) => ['coalitions', slug, 'imports', 'detail', id] as const,
};
