import { and, eq, inArray, sql } from 'drizzle-orm';
import { audiences, compensations, modalities, opportunityKinds, opportunityStatuses, payUnits, type Audience } from '../../../shared/opportunities.contract.js';
import type { Db, Executor } from '../../db/client.js';
import { organizations } from '../../db/schema.js';
import { newId } from '../../platform/auth/secrets.js';
import { cells, registerImporter } from '../../platform/imports/importers.js';
import { resolveSkillNames } from '../skills/skill-names.js';
import { DEFAULT_IMPORTANCE } from './opportunities.skills.js';
import { opportunities, opportunitySkills } from './opportunities.table.js';

type Errors = { column: string; message: string }[];

export interface OpportunityRecord {
  externalId: string;
  employerId: string;
  institutionId: string | null;
  kind: string;
  title: string;
  description: string | null;
  pathway: string | null;
  audiences: string[];
  compensation: string;
  payAmount: number | null;
  payUnit: string | null;
  seats: number | null;
  startsOn: string | null;
  endsOn: string | null;
  applicationDeadline: string | null;
  hoursPerWeek: number | null;
  minimumAge: number | null;
  modality: string;
  location: string | null;
  status: string;
  skills: { name: string; importance: number }[];
}

/** "Python; SQL:5" → names with importance (name:N sets importance 1–5). */
export function parseSkillCell(cell: string): { name: string; importance: number }[] {
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const weightedMatch = /^(.*?)\s*:\s*([1-5])$/.exec(part);
      return weightedMatch ? { name: weightedMatch[1]!, importance: Number(weightedMatch[2]) } : { name: part, importance: DEFAULT_IMPORTANCE };
    });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a day of the (proleptic Gregorian) calendar. Arithmetic, not Date objects: an import checks two a row. */
export function isIsoDate(value: string): boolean {
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

export function dateCell(values: Record<string, string>, column: string, errors: Errors): string | null {
  const value = values[column] ?? '';
  if (!value) return null;
  if (!isIsoDate(value)) errors.push({ column, message: `Not a date (YYYY-MM-DD): "${value}"` });
  return value;
}

function oneOf<T extends string>(values: Record<string, string>, column: string, allowed: readonly T[], fallback: T, errors: Errors): T {
  const value = (values[column] ?? '').toLowerCase();
  if (!value) return fallback;
  if (!allowed.includes(value as T)) errors.push({ column, message: `Must be one of ${allowed.join(', ')}` });
  return value as T;
}

/** Organization names (any case) → ids, loaded once per import. */
export async function organizationsByName(db: Db | Executor, coalitionId: string): Promise<Map<string, { id: string; type: string }>> {
  const rows = await db.select({ id: organizations.id, name: organizations.name, type: organizations.type }).from(organizations).where(eq(organizations.coalitionId, coalitionId));
  return new Map(rows.map((r) => [r.name.toLowerCase(), { id: r.id, type: r.type }]));
}

/** CONTRACT `opportunities`: external_id,employer,kind,title,skills,starts_on,ends_on,seats (+ optional columns, see description). */
registerImporter<OpportunityRecord, Map<string, { id: string; type: string }>>({
  kind: 'opportunities',
  analyze: ['organizations', 'skills', 'opportunities', 'opportunity_skills'],
  action: 'opportunity.import',
  description:
    'Opportunities: external_id,employer,kind,title,skills,starts_on,ends_on,seats (skills separated by ";", "name:5" sets importance 1–5). Optional: description, institution, pathway, audiences (k12;college;university;faculty), compensation, pay_amount, pay_unit, application_deadline, hours_per_week, minimum_age, modality, location, status',
  requiredColumns: ['external_id', 'employer', 'kind', 'title', 'skills', 'starts_on', 'ends_on', 'seats'],
  prepare: organizationsByName,
  validate(values, orgs) {
    const errors: Errors = [];
    const externalId = cells.required(values, 'external_id', errors);
    const employerName = cells.required(values, 'employer', errors);
    const employer = employerName ? orgs.get(employerName.toLowerCase()) : undefined;
    if (employerName && !employer) errors.push({ column: 'employer', message: `No organization named "${employerName}" in this coalition` });
    const institutionName = values.institution ?? '';
    const institution = institutionName ? orgs.get(institutionName.toLowerCase()) : undefined;
    if (institutionName && !institution) errors.push({ column: 'institution', message: `No organization named "${institutionName}" in this coalition` });
    const kindValue = cells.required(values, 'kind', errors).toLowerCase();
    if (kindValue && !opportunityKinds.includes(kindValue as never)) errors.push({ column: 'kind', message: `Must be one of ${opportunityKinds.join(', ')}` });
    const title = cells.required(values, 'title', errors);
    if (title.length > 200) errors.push({ column: 'title', message: 'At most 200 characters' });
    const skills = parseSkillCell(values.skills ?? '');
    if (skills.some((s) => s.name.length > 120)) errors.push({ column: 'skills', message: 'A skill name has more than 120 characters' });
    const lower = skills.map((s) => s.name.toLowerCase());
    if (new Set(lower).size !== lower.length) errors.push({ column: 'skills', message: 'A skill is listed twice' });
    const startsOn = dateCell(values, 'starts_on', errors);
    const endsOn = dateCell(values, 'ends_on', errors);
    if (startsOn && endsOn && isIsoDate(startsOn) && isIsoDate(endsOn) && endsOn < startsOn) errors.push({ column: 'ends_on', message: 'Ends before it starts' });
    const seats = cells.integer(values, 'seats', errors, { min: 0, optional: true });
    const audienceList = (values.audiences ?? '').split(';').map((a) => a.trim().toLowerCase()).filter(Boolean);
    if (audienceList.some((a) => !audiences.includes(a as Audience))) errors.push({ column: 'audiences', message: `Each must be one of ${audiences.join(', ')}` });
    const payAmount = cells.number(values, 'pay_amount', errors, { optional: true });
    const payUnit = values.pay_unit ? oneOf(values, 'pay_unit', payUnits, 'hour', errors) : null;
    if (payAmount !== null && !payUnit) errors.push({ column: 'pay_unit', message: 'Required with pay_amount' });
    const record: OpportunityRecord = {
      externalId,
      employerId: employer?.id ?? '',
      institutionId: institution?.id ?? null,
      kind: kindValue,
      title,
      description: values.description || null,
      pathway: values.pathway || null,
      audiences: audienceList,
      compensation: oneOf(values, 'compensation', compensations, 'unpaid', errors),
      payAmount,
      payUnit,
      seats,
      startsOn,
      endsOn,
      applicationDeadline: dateCell(values, 'application_deadline', errors),
      hoursPerWeek: cells.integer(values, 'hours_per_week', errors, { min: 0, optional: true }),
      minimumAge: cells.integer(values, 'minimum_age', errors, { min: 0, optional: true }),
      modality: oneOf(values, 'modality', modalities, 'in_person', errors),
      location: values.location || null,
      status: oneOf(values, 'status', opportunityStatuses, 'open', errors),
      skills,
    };
    return errors.length > 0 ? { errors } : { ok: record };
  },
  keyOf: (r) => `external_id ${r.externalId}`,
  write: writeOpportunities,
});

const skillKey = (skills: { id: string; importance: number }[]) => skills.map((s) => `${s.id}:${s.importance}`).sort().join('|');

async function writeOpportunities(tx: Executor, coalitionId: string, records: OpportunityRecord[]) {
  const ids = records.map((r) => r.externalId);
  const existing = await tx.select().from(opportunities).where(and(eq(opportunities.coalitionId, coalitionId), inArray(opportunities.externalId, ids)));
  const byExternalId = new Map(existing.map((row) => [row.externalId!, row]));
  const currentSkills = existing.length
    ? await tx.select().from(opportunitySkills).where(and(eq(opportunitySkills.coalitionId, coalitionId), inArray(opportunitySkills.opportunityId, existing.map((e) => e.id))))
    : [];
  const names = [...new Map(records.flatMap((r) => r.skills.map((s) => [s.name.toLowerCase(), s.name] as const))).values()];
  const resolved = await resolveSkillNames(tx, names, 'skills');
  const skillIdOf = new Map(names.map((name, i) => [name.toLowerCase(), resolved[i]!.id]));

  let created = 0;
  let updated = 0;
  for (const { skills: wanted, ...record } of records) {
    const skills = wanted.map((s) => ({ id: skillIdOf.get(s.name.toLowerCase())!, importance: s.importance }));
    const before = byExternalId.get(record.externalId);
    const id = before?.id ?? newId();
    if (!before) {
      await tx.insert(opportunities).values({ coalitionId, id, ...record });
      created++;
    } else {
      const had = currentSkills.filter((s) => s.opportunityId === id).map((s) => ({ id: s.skillId, importance: s.importance }));
      const [changed] = await tx
        .update(opportunities)
        .set({ ...record, updatedAt: new Date() })
        .where(and(eq(opportunities.coalitionId, coalitionId), eq(opportunities.id, id), sql`row(${opportunities.employerId}, ${opportunities.institutionId}, ${opportunities.kind}, ${opportunities.title}, ${opportunities.description}, ${opportunities.pathway}, ${opportunities.audiences}, ${opportunities.compensation}, ${opportunities.payAmount}::float8, ${opportunities.payUnit}, ${opportunities.seats}, ${opportunities.startsOn}::text, ${opportunities.endsOn}::text, ${opportunities.applicationDeadline}::text, ${opportunities.hoursPerWeek}, ${opportunities.minimumAge}, ${opportunities.modality}, ${opportunities.location}, ${opportunities.status}) is distinct from row(${record.employerId}::uuid, ${record.institutionId}::uuid, ${record.kind}, ${record.title}, ${record.description}, ${record.pathway}, ${sql.param(record.audiences)}::text[], ${record.compensation}, ${record.payAmount}::float8, ${record.payUnit}, ${record.seats}::int, ${record.startsOn}::text, ${record.endsOn}::text, ${record.applicationDeadline}::text, ${record.hoursPerWeek}::int, ${record.minimumAge}::int, ${record.modality}, ${record.location}, ${record.status})`))
        .returning({ id: opportunities.id });
      const skillsChanged = skillKey(had) !== skillKey(skills);
      if (changed || skillsChanged) updated++;
      if (!skillsChanged) continue;
      await tx.delete(opportunitySkills).where(and(eq(opportunitySkills.coalitionId, coalitionId), eq(opportunitySkills.opportunityId, id)));
    }
    if (skills.length > 0) await tx.insert(opportunitySkills).values(skills.map((s) => ({ coalitionId, opportunityId: id, skillId: s.id, importance: s.importance })));
  }
  return { created, updated, unchanged: records.length - created - updated };
}
