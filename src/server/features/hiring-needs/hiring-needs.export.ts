import type { FastifyReply } from 'fastify';
import type { HiringNeedDto, HiringNeedListQuery } from '../../../shared/hiring-needs.contract.js';
import type { TenantCtx } from '../../platform/context.js';
import { toCsv } from '../../platform/imports/csv.js';
import { allHiringNeeds } from './hiring-needs.service.js';

export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}

export async function hiringNeedsCsv(ctx: TenantCtx, query: Omit<HiringNeedListQuery, 'limit' | 'cursor'>): Promise<string> {
  const needs = await allHiringNeeds(ctx, query);
  const header = ['id', 'external_id', 'employer', 'soc', 'soc_title', 'title', 'level', 'positions', 'location', 'workplace', 'degree_required', 'degree_level', 'hard_skills', 'soft_skills', 'recruiting_calendar', 'flags'];
  const skillText = (s: HiringNeedDto['skillRequirements'][number]) => [s.name, s.level, s.importance === 'preferred' ? 'preferred' : null].filter(Boolean).join(' / ');
  const rows = needs.map((n) => [
    n.id,
    n.externalId,
    n.employerName,
    n.soc,
    n.socTitle,
    n.title,
    n.level,
    n.positions,
    n.location,
    n.workplace,
    n.degreeRequired ? 'yes' : 'no',
    n.degreeLevel,
    n.skillRequirements.filter((s) => s.kind !== 'soft').map(skillText),
    n.skillRequirements.filter((s) => s.kind === 'soft').map(skillText),
    n.recruitingCalendar.map((w) => `${w.kind} ${w.startsOn}..${w.endsOn}${w.label ? ` (${w.label})` : ''}`),
    n.flags.map((f) => f.message).join(' | '),
  ]);
  return toCsv(header, rows);
}
