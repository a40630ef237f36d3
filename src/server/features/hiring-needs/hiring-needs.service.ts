import { and, eq } from 'drizzle-orm';
import type { Page } from '../../../shared/common.contract.js';
import type {
  CandidateProfileDto,
  HiringNeedCreateInput,
  HiringNeedDto,
  HiringNeedListQuery,
  HiringNeedUpdateInput,
  SkillRequirementInput,
} from '../../../shared/hiring-needs.contract.js';
import type { Executor } from '../../db/client.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.js';
import { newId } from '../../platform/auth/secrets.js';
import type { TenantCtx } from '../../platform/context.js';
import { invalidField, notFound } from '../../platform/errors.js';
import { toPage } from '../../platform/pagination.js';
import { authorize, authorizeRecord } from '../../platform/permissions.js';
import { resolveSkillNames } from '../skills/index.js';
import { needFlags } from './hiring-needs.flags.js';
import './hiring-needs.policy.js';
import * as q from './hiring-needs.queries.js';
import { hiringNeedSkills, hiringNeeds } from './hiring-needs.table.js';

/** Demand weight of a skill in a need: its positions, halved when the skill is only preferred. */
export const importanceWeight = { required: 1, preferred: 0.5 } as const;

async function toDtos(db: Executor, coalitionId: string, rows: q.NeedRow[]): Promise<HiringNeedDto[]> {
  const socs = [...new Set(rows.map((r) => r.soc))];
  const [skillRows, titles, inputs] = await Promise.all([
    q.skillsOfNeeds(db, coalitionId, rows.map((r) => r.id)),
    q.socTitles(db, socs),
    q.flagInputs(db, coalitionId, socs),
  ]);
  return rows.map((row) => {
    const own = skillRows.filter((s) => s.needId === row.id);
    const skillRequirements = own.map((s) => ({
      skillId: s.skillId,
      name: s.name,
      kind: s.kind,
      level: s.level,
      importance: s.importance,
      weight: row.positions * importanceWeight[s.importance],
    }));
    return {
      ...row,
      socTitle: titles.get(row.soc) ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      skills: own.map((s) => s.name),
      skillRequirements,
      flags: needFlags({ ...row, skills: own }, inputs),
    };
  });
}

export async function listHiringNeeds(ctx: TenantCtx, query: HiringNeedListQuery): Promise<Page<HiringNeedDto>> {
  authorize(ctx, 'hiringNeed.list');
  const rows = await q.listNeeds(ctx.db, ctx.coalition.id, query);
  const page = toPage(rows, query.limit, (r) => [r.title, r.id]);
  return { items: await toDtos(ctx.db, ctx.coalition.id, page.items), nextCursor: page.nextCursor };
}

/** Every need matching the filters, for the CSV export. */
export async function allHiringNeeds(ctx: TenantCtx, query: Omit<HiringNeedListQuery, 'limit' | 'cursor'>): Promise<HiringNeedDto[]> {
  authorize(ctx, 'hiringNeed.list');
  return toDtos(ctx.db, ctx.coalition.id, await q.listNeeds(ctx.db, ctx.coalition.id, { ...query, limit: 0, all: true }));
}

export async function getHiringNeed(ctx: TenantCtx, id: string): Promise<HiringNeedDto> {
  authorize(ctx, 'hiringNeed.read');
  const row = await q.findNeed(ctx.db, ctx.coalition.id, id);
  if (!row) throw notFound('Hiring need');
  return (await toDtos(ctx.db, ctx.coalition.id, [row]))[0]!;
}

async function assertEmployer(tx: Executor, coalitionId: string, employerId: string) {
  const org = await q.employerOf(tx, coalitionId, employerId);
  if (!org) throw invalidField('employerId', 'No such organization in this coalition');
  if (org.type !== 'employer') throw invalidField('employerId', `${org.name} is not an employer`);
}

async function writeSkills(tx: Executor, coalitionId: string, needId: string, requirements: SkillRequirementInput[]) {
  const normalized = requirements.map((r) => (typeof r === 'string' ? { name: r, level: null, importance: 'required' as const } : { name: r.name, level: r.level ?? null, importance: r.importance ?? ('required' as const) }));
  const resolved = await resolveSkillNames(tx, normalized.map((r) => r.name), 'skills');
  await tx.delete(hiringNeedSkills).where(and(eq(hiringNeedSkills.coalitionId, coalitionId), eq(hiringNeedSkills.needId, needId)));
  if (resolved.length === 0) return [];
  await tx.insert(hiringNeedSkills).values(resolved.map((skill, i) => ({ coalitionId, needId, skillId: skill.id, level: normalized[i]!.level, importance: normalized[i]!.importance, position: i })));
  return resolved.map((s) => s.name);
}

export async function createHiringNeed(ctx: TenantCtx, input: HiringNeedCreateInput): Promise<HiringNeedDto> {
  authorize(ctx, 'hiringNeed.create', { employerId: input.employerId });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await assertEmployer(tx, ctx.coalition.id, input.employerId);
    const { skills, ...fields } = input;
    await tx.insert(hiringNeeds).values({
      coalitionId: ctx.coalition.id,
      id,
      ...fields,
      degreeLevel: fields.degreeLevel ?? null,
      location: fields.location ?? null,
      description: fields.description ?? null,
      externalId: fields.externalId ?? null,
      recruitingCalendar: fields.recruitingCalendar.map((w) => ({ ...w, label: w.label ?? null })),
      createdBy: ctx.principal.personId,
    });
    const names = await writeSkills(tx, ctx.coalition.id, id, skills);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'hiring_need', entityId: id, changes: { title: input.title, employerId: input.employerId, soc: input.soc, positions: input.positions, skills: names } });
  });
  return getHiringNeed(ctx, id);
}

export async function updateHiringNeed(ctx: TenantCtx, id: string, patch: HiringNeedUpdateInput): Promise<HiringNeedDto> {
  const before = await authorizeRecord(ctx, 'hiringNeed.update', () => getHiringNeed(ctx, id), 'Hiring need');
  // Moving a need to another employer needs the right to manage that employer's needs too.
  if (patch.employerId && patch.employerId !== before.employerId) authorize(ctx, 'hiringNeed.update', { employerId: patch.employerId });
  await ctx.db.transaction(async (tx) => {
    if (patch.employerId) await assertEmployer(tx, ctx.coalition.id, patch.employerId);
    const { skills, ...fields } = patch;
    const changes: Record<string, unknown> = changedFields(before as unknown as Record<string, unknown>, fields as Record<string, unknown>);
    if (skills !== undefined) {
      const names = await writeSkills(tx, ctx.coalition.id, id, skills);
      if (JSON.stringify(names) !== JSON.stringify(before.skills)) changes.skills = { from: before.skills, to: names };
    }
    if (Object.keys(changes).length === 0) return;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (fields.recruitingCalendar) set.recruitingCalendar = fields.recruitingCalendar.map((w) => ({ ...w, label: w.label ?? null }));
    await tx
      .update(hiringNeeds)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(hiringNeeds.coalitionId, ctx.coalition.id), eq(hiringNeeds.id, id)));
    await recordAudit(tx, ctx, { action: 'update', entityType: 'hiring_need', entityId: id, changes });
  });
  return getHiringNeed(ctx, id);
}

export async function deleteHiringNeed(ctx: TenantCtx, id: string): Promise<void> {
  const before = await authorizeRecord(ctx, 'hiringNeed.delete', () => q.findNeed(ctx.db, ctx.coalition.id, id), 'Hiring need');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(hiringNeeds).where(and(eq(hiringNeeds.coalitionId, ctx.coalition.id), eq(hiringNeeds.id, id)));
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'hiring_need', entityId: id, changes: { title: before.title, employerId: before.employerId } });
  });
}

/** The employer's profile of a qualified candidate (Chapter 4, Step 3), from all its needs. */
export async function candidateProfile(ctx: TenantCtx, employerId: string): Promise<CandidateProfileDto> {
  authorize(ctx, 'hiringNeed.read');
  const employer = await q.employerOf(ctx.db, ctx.coalition.id, employerId);
  if (!employer) throw notFound('Employer');
  const needs = await toDtos(ctx.db, ctx.coalition.id, await q.listNeeds(ctx.db, ctx.coalition.id, { employerId, limit: 0, all: true }));
  type Entry = CandidateProfileDto['hardSkills'][number];
  const bySkill = new Map<string, Entry>();
  const levelRank = { beginner: 1, intermediate: 2, advanced: 3 } as const;
  for (const need of needs) {
    for (const s of need.skillRequirements) {
      const entry = bySkill.get(s.skillId) ?? { skillId: s.skillId, name: s.name, kind: s.kind, level: null, weight: 0, needIds: [] };
      entry.weight += s.weight;
      entry.needIds.push(need.id);
      if (s.level && (!entry.level || levelRank[s.level] > levelRank[entry.level])) entry.level = s.level;
      bySkill.set(s.skillId, entry);
    }
  }
  const ranked = [...bySkill.values()].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
  return {
    employerId,
    employerName: employer.name,
    needs: needs.length,
    positions: needs.reduce((n, need) => n + need.positions, 0),
    degreeRequiredPositions: needs.filter((n) => n.degreeRequired).reduce((n, need) => n + need.positions, 0),
    hardSkills: ranked.filter((s) => s.kind !== 'soft'),
    softSkills: ranked.filter((s) => s.kind === 'soft'),
    recruitingCalendar: needs
      .flatMap((n) => n.recruitingCalendar.map((w) => ({ needId: n.id, title: n.title, ...w })))
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
    flags: needs.flatMap((n) => n.flags.map((f) => ({ ...f, needId: n.id }))),
  };
}
