/** API calls of the metrics area: metrics, roadmap, dashboards, recognition and the public page. */
import type { BreakdownDto, MetricsDto, OrganizationDashboardDto, RoadmapItemDto } from '../../../shared/metrics.contract';
import type { PublicCoalitionDto } from '../../../shared/public.contract';
import type { AwardDto, DecisionInput, RoundDto, ScoresDto } from '../../../shared/recognition.contract';
import { apiFetch, buildUrl } from '../../api/client';

const enc = encodeURIComponent;
const c = (slug: string) => `/coalitions/${enc(slug)}`;

export const metricsApi = {
  metrics: (slug: string, year: number) => apiFetch<MetricsDto>(`${c(slug)}/metrics`, { query: { year } }),
  breakdown: (slug: string, year: number, key: string, by: string) => apiFetch<BreakdownDto>(`${c(slug)}/metrics/breakdown`, { query: { year, key, by } }),
  roadmap: (slug: string) => apiFetch<{ items: RoadmapItemDto[] }>(`${c(slug)}/roadmap`),
  dashboard: (slug: string, id: string, year: number) => apiFetch<OrganizationDashboardDto>(`${c(slug)}/dashboards/organizations/${enc(id)}`, { query: { year } }),
  scores: (slug: string, year: number) => apiFetch<ScoresDto>(`${c(slug)}/recognition/scores`, { query: { year } }),
  rounds: (slug: string) => apiFetch<{ items: RoundDto[] }>(`${c(slug)}/recognition/rounds`),
  openRound: (slug: string, year: number) => apiFetch<RoundDto>(`${c(slug)}/recognition/rounds`, { method: 'POST', body: { year } }),
  nominate: (slug: string, roundId: string, organizationId: string) => apiFetch<RoundDto>(`${c(slug)}/recognition/rounds/${enc(roundId)}/nominations`, { method: 'POST', body: { organizationId } }),
  decide: (slug: string, nominationId: string, input: DecisionInput) => apiFetch<RoundDto>(`${c(slug)}/recognition/nominations/${enc(nominationId)}/decision`, { method: 'POST', body: input }),
  closeRound: (slug: string, roundId: string) => apiFetch<RoundDto>(`${c(slug)}/recognition/rounds/${enc(roundId)}/close`, { method: 'POST' }),
  awards: (slug: string) => apiFetch<{ items: AwardDto[] }>(`${c(slug)}/recognition/awards`),
  publicCoalition: (slug: string) => apiFetch<PublicCoalitionDto>(`/public/coalitions/${enc(slug)}`),
  annualReportUrl: (slug: string, year: number) => buildUrl(`/public/coalitions/${enc(slug)}/annual-report.pdf`, { year }),
};

export const metricsKeys = {
  metrics: (slug: string, year: number) => ['metrics', slug, year] as const,
  roadmap: (slug: string) => ['roadmap', slug] as const,
  dashboard: (slug: string, id: string, year: number) => ['dashboard', slug, id, year] as const,
  scores: (slug: string, year: number) => ['recognition', slug, 'scores', year] as const,
  rounds: (slug: string) => ['recognition', slug, 'rounds'] as const,
  awards: (slug: string) => ['recognition', slug, 'awards'] as const,
  public: (slug: string) => ['public', slug] as const,
};

export const thisYear = () => new Date().getFullYear();
