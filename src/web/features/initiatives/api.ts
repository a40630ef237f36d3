/** API calls of the initiatives area: initiatives, action plans, the master plan, strategy sessions, money, risks, reports. */
import type { Page } from '../../../shared/common.contract';
import type { CostCreateInput, CostDto, FundingDto, InitiativeFinancesDto, PledgeCreateInput, PledgeDto, RequirementCreateInput, RequirementDto } from '../../../shared/initiative-resources.contract';
import type { HeatMapDto, RiskCreateInput, RiskDto } from '../../../shared/initiative-risks.contract';
import type {
  CoalitionStatusReportDto,
  InitiativeCreateInput,
  InitiativeDto,
  InitiativeStatusReportDto,
  InitiativeUpdateInput,
  MasterPlanDto,
  StakeholderCreateInput,
  StakeholderDto,
  TaskCreateInput,
  TaskDto,
  TaskUpdateInput,
} from '../../../shared/initiatives.contract';
import type {
  BallotDto,
  PriorityCreateInput,
  PriorityDto,
  SessionResultsDto,
  StrategySessionCreateInput,
  StrategySessionDto,
} from '../../../shared/strategy-sessions.contract';
import { apiFetch, buildUrl, type QueryValue } from '../../api/client';

const enc = encodeURIComponent;
const c = (slug: string) => `/coalitions/${enc(slug)}`;
const ini = (slug: string, id: string) => `${c(slug)}/initiatives/${enc(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface InitiativeListParams {
  q?: string;
  status?: string;
  category?: string;
  ownerId?: string;
  strategySessionId?: string;
  limit?: number;
  cursor?: string | null;
}
export interface MasterPlanParams {
  initiativeId?: string;
  ownerId?: string;
  assigneeId?: string;
}

export const initiativesApi = {
  list: (slug: string, params: InitiativeListParams, signal?: AbortSignal) =>
    apiFetch<Page<InitiativeDto>>(`${c(slug)}/initiatives`, { query: { ...params } as Record<string, QueryValue>, ...opts(signal) }),
  get: (slug: string, id: string, signal?: AbortSignal) => apiFetch<InitiativeDto>(ini(slug, id), opts(signal)),
  create: (slug: string, body: InitiativeCreateInput) => apiFetch<InitiativeDto>(`${c(slug)}/initiatives`, { method: 'POST', body }),
  update: (slug: string, id: string, body: InitiativeUpdateInput) => apiFetch<InitiativeDto>(ini(slug, id), { method: 'PATCH', body }),
  addStakeholder: (slug: string, id: string, body: StakeholderCreateInput) => apiFetch<StakeholderDto>(`${ini(slug, id)}/stakeholders`, { method: 'POST', body }),
  removeStakeholder: (slug: string, id: string, stakeholderId: string) => apiFetch<void>(`${ini(slug, id)}/stakeholders/${enc(stakeholderId)}`, { method: 'DELETE' }),

  tasks: (slug: string, id: string, signal?: AbortSignal) => apiFetch<Page<TaskDto>>(`${ini(slug, id)}/tasks`, { query: { limit: 200 }, ...opts(signal) }),
  createTask: (slug: string, id: string, body: TaskCreateInput) => apiFetch<TaskDto>(`${ini(slug, id)}/tasks`, { method: 'POST', body }),
  updateTask: (slug: string, id: string, taskId: string, body: TaskUpdateInput) => apiFetch<TaskDto>(`${ini(slug, id)}/tasks/${enc(taskId)}`, { method: 'PATCH', body }),
  removeTask: (slug: string, id: string, taskId: string) => apiFetch<void>(`${ini(slug, id)}/tasks/${enc(taskId)}`, { method: 'DELETE' }),
  saveBaseline: (slug: string, id: string) => apiFetch<{ savedAt: string; tasks: number }>(`${ini(slug, id)}/baseline`, { method: 'POST' }),

  masterPlan: (slug: string, params: MasterPlanParams, signal?: AbortSignal) =>
    apiFetch<MasterPlanDto>(`${c(slug)}/master-plan`, { query: { ...params }, ...opts(signal) }),

  finances: (slug: string, id: string, signal?: AbortSignal) => apiFetch<InitiativeFinancesDto>(`${ini(slug, id)}/finances`, opts(signal)),
  createRequirement: (slug: string, id: string, body: RequirementCreateInput) => apiFetch<RequirementDto>(`${ini(slug, id)}/requirements`, { method: 'POST', body }),
  createCost: (slug: string, id: string, body: CostCreateInput) => apiFetch<CostDto>(`${ini(slug, id)}/costs`, { method: 'POST', body }),
  createPledge: (slug: string, body: PledgeCreateInput) => apiFetch<PledgeDto>(`${c(slug)}/pledges`, { method: 'POST', body }),
  funding: (slug: string, signal?: AbortSignal) => apiFetch<FundingDto>(`${c(slug)}/funding`, opts(signal)),

  risks: (slug: string, params: { initiativeId?: string; cursor?: string | null }, signal?: AbortSignal) =>
    apiFetch<Page<RiskDto>>(`${c(slug)}/risks`, { query: { limit: 100, ...params }, ...opts(signal) }),
  heatMap: (slug: string, initiativeId?: string, signal?: AbortSignal) => apiFetch<HeatMapDto>(`${c(slug)}/risks/heat-map`, { query: { initiativeId }, ...opts(signal) }),
  createRisk: (slug: string, body: RiskCreateInput) => apiFetch<RiskDto>(`${c(slug)}/risks`, { method: 'POST', body }),

  coalitionReport: (slug: string, signal?: AbortSignal) => apiFetch<CoalitionStatusReportDto>(`${c(slug)}/status-report`, opts(signal)),
  initiativeReport: (slug: string, id: string, signal?: AbortSignal) => apiFetch<InitiativeStatusReportDto>(`${ini(slug, id)}/status-report`, opts(signal)),
  /** Download links (the browser fetches them with the session cookie). */
  reportUrl: (slug: string, format: 'csv' | 'pdf', initiativeId?: string) => buildUrl(initiativeId ? `${ini(slug, initiativeId)}/status-report.${format}` : `${c(slug)}/status-report.${format}`),

  sessions: (slug: string, signal?: AbortSignal) => apiFetch<Page<StrategySessionDto>>(`${c(slug)}/strategy-sessions`, { query: { limit: 100 }, ...opts(signal) }),
  session: (slug: string, id: string, signal?: AbortSignal) => apiFetch<StrategySessionDto>(`${c(slug)}/strategy-sessions/${enc(id)}`, opts(signal)),
  createSession: (slug: string, body: StrategySessionCreateInput) => apiFetch<StrategySessionDto>(`${c(slug)}/strategy-sessions`, { method: 'POST', body }),
  priorities: (slug: string, id: string, signal?: AbortSignal) => apiFetch<Page<PriorityDto>>(`${c(slug)}/strategy-sessions/${enc(id)}/priorities`, { query: { limit: 200 }, ...opts(signal) }),
  createPriority: (slug: string, id: string, body: PriorityCreateInput) => apiFetch<PriorityDto>(`${c(slug)}/strategy-sessions/${enc(id)}/priorities`, { method: 'POST', body }),
  ballot: (slug: string, id: string, signal?: AbortSignal) => apiFetch<BallotDto>(`${c(slug)}/strategy-sessions/${enc(id)}/ballot`, opts(signal)),
  castBallot: (slug: string, id: string, initiativeIds: string[]) => apiFetch<BallotDto>(`${c(slug)}/strategy-sessions/${enc(id)}/ballot`, { method: 'PUT', body: { initiativeIds } }),
  results: (slug: string, id: string, signal?: AbortSignal) => apiFetch<SessionResultsDto>(`${c(slug)}/strategy-sessions/${enc(id)}/results`, opts(signal)),
  adopt: (slug: string, id: string) => apiFetch<SessionResultsDto>(`${c(slug)}/strategy-sessions/${enc(id)}/adopt`, { method: 'POST' }),
};

/** Query keys: everything of the area lives under ['coalitions', slug, 'initiatives'], so one invalidation refreshes it. */
export const iniKeys = {
  all: (slug: string) => ['coalitions', slug, 'initiatives'] as const,
  list: (slug: string, params: InitiativeListParams) => ['coalitions', slug, 'initiatives', 'list', params] as const,
  detail: (slug: string, id: string) => ['coalitions', slug, 'initiatives', 'detail', id] as const,
  tasks: (slug: string, id: string) => ['coalitions', slug, 'initiatives', 'tasks', id] as const,
  finances: (slug: string, id: string) => ['coalitions', slug, 'initiatives', 'finances', id] as const,
  masterPlan: (slug: string, params: MasterPlanParams) => ['coalitions', slug, 'initiatives', 'master-plan', params] as const,
  funding: (slug: string) => ['coalitions', slug, 'initiatives', 'funding'] as const,
  risks: (slug: string, initiativeId?: string) => ['coalitions', slug, 'initiatives', 'risks', initiativeId ?? 'all'] as const,
  heatMap: (slug: string, initiativeId?: string) => ['coalitions', slug, 'initiatives', 'heat-map', initiativeId ?? 'all'] as const,
  report: (slug: string, initiativeId?: string) => ['coalitions', slug, 'initiatives', 'report', initiativeId ?? 'all'] as const,
  sessions: (slug: string) => ['coalitions', slug, 'initiatives', 'sessions'] as const,
  session: (slug: string, id: string) => ['coalitions', slug, 'initiatives', 'session', id] as const,
};
