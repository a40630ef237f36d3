import type { TenantCtx } from '../../platform/context.js';
import { toCsv } from '../../platform/imports/csv.js';
import { encodeCursor } from '../../platform/pagination.js';
import { authorize } from '../../platform/permissions.js';
import { groupSkills } from './students.dto.js';
import './students.policy.js';
import * as q from './students.queries.js';
import { and } from 'drizzle-orm';
import { listedInDirectory, logStudentAccess, visibleStudents } from './students.visibility.js';

const header = ['external_id', 'first_name', 'last_name', 'email', 'institution', 'pathway', 'skills', 'graduation_year'];

/**
 * The students the caller may see, in the import's columns (declared skills and evidenced ones
 * alike). No date of birth and no equity answers: a file travels further than a screen. Every row
 * is logged as an access.
 */
export async function studentsCsv(ctx: TenantCtx): Promise<string> {
  authorize(ctx, 'student.export');
  const visible = and(visibleStudents(ctx.principal), listedInDirectory(ctx.principal));
  const rows: unknown[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await q.listStudents(ctx.db, ctx.coalition.id, { limit: 200, cursor }, visible);
    const items = page.slice(0, 200);
    const skills = await q.skillRowsOf(ctx.db, ctx.coalition.id, items.map((s) => s.id));
    await logStudentAccess(ctx.db, ctx, items, 'GET /students.csv', 'export');
    for (const s of items) {
      const names = groupSkills(skills.filter((k) => k.studentId === s.id)).map((k) => k.name);
      rows.push([s.externalId, s.firstName, s.lastName, s.email, s.institutionName, s.pathway, names.join(';'), s.graduationYear]);
    }
    const last = items[items.length - 1];
    if (page.length <= 200 || !last) break;
    cursor = encodeCursor([last.lastName, last.firstName, last.id]);
  }
  return toCsv(header, rows);
}
