import { eq } from 'drizzle-orm';
import { defaultProgram, type ProgramConfig, type ScoresDto } from '../../../shared/recognition.contract.js';
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { TenantCtx } from '../../platform/context.js';
import { authorize } from '../../platform/permissions.js';
import { attendanceByOrganization } from '../meetings/index.js';
import { currentYear } from '../metrics/index.js';
import './recognition.policy.js';
import { candidateValues } from './recognition.queries.js';
import { scoreOf } from './recognition.scoring.js';
import { recognitionPrograms } from './recognition.table.js';

interface CoalitionRef {
  id: string;
  name: string;
  timeZone: string;
}

export async function programOf(db: Executor, coalition: CoalitionRef): Promise<ProgramConfig> {
  const [row] = await db.select({ config: recognitionPrograms.config }).from(recognitionPrograms).where(eq(recognitionPrograms.coalitionId, coalition.id));
  return row?.config ?? defaultProgram(coalition.name);
}

export async function getProgram(ctx: TenantCtx): Promise<ProgramConfig> {
  authorize(ctx, 'recognition.readProgram');
  return programOf(ctx.db, ctx.coalition);
}

export async function configureProgram(ctx: TenantCtx, config: ProgramConfig): Promise<ProgramConfig> {
  authorize(ctx, 'recognition.configure');
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(recognitionPrograms)
      .values({ coalitionId: ctx.coalition.id, config })
      .onConflictDoUpdate({ target: recognitionPrograms.coalitionId, set: { config, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: 'configure', entityType: 'recognition_program', entityId: ctx.coalition.id, changes: { criteria: config.criteria.length, tiers: config.tiers } });
  });
  return programOf(ctx.db, ctx.coalition);
}

/**
 * Every employer's and institution's score for a year, best first. Meeting attendance is the
 * number of the year's meetings at which at least one of the organization's people checked in.
 */
export async function scoresFor(db: Executor, coalition: CoalitionRef, year: number): Promise<ScoresDto> {
  const [config, candidates, attendance] = await Promise.all([
    programOf(db, coalition),
    candidateValues(db, { coalitionId: coalition.id, year, timeZone: coalition.timeZone }),
    attendanceByOrganization(db, coalition.id, year),
  ]);
  const meetings = new Map(attendance.map((a) => [a.organizationId, a.meetingsAttended]));
  const items = candidates
    .map((c) => ({ ...c, values: { ...c.values, meeting_attendance: meetings.get(c.organizationId) ?? 0 } }))
    .map((c) => scoreOf(config, c)).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return { year, items };
}

export async function getScores(ctx: TenantCtx, year?: number): Promise<ScoresDto> {
  authorize(ctx, 'recognition.scores');
  return scoresFor(ctx.db, ctx.coalition, year ?? currentYear(ctx.coalition.timeZone));
}
