import { sql, type SQL } from 'drizzle-orm';
import type { DigestPreviewDto } from '../../../shared/communications.contract.js';
import type { Executor } from '../../db/client.js';
import { uuidArray } from './communications.queries.js';

/**
 * What one person's weekly digest says, built for a whole batch of people with a fixed number of
 * queries (never one per person): upcoming opportunities for their roles, new opportunities matched
 * to students' skills, and their action items coming due.
 */
export interface DigestPerson {
  id: string;
  name: string;
  email: string | null;
  roles: string[];
  organizationId: string | null;
  organizationType: string | null;
  /** k12 / college / university from a student record's institution; null for non-students. */
  studentLevel: string | null;
  studentId: string | null;
}

type Opportunity = DigestPreviewDto['upcoming'][number] & { employerId: string; audiences: string[] };
export type DigestContent = Pick<DigestPreviewDto, 'upcoming' | 'matched' | 'actionItems'>;

export const UPCOMING_PER_PERSON = 5;
export const MATCHES_PER_STUDENT = 3;
export const ACTION_ITEMS_PER_PERSON = 10;
/** A new opportunity is "matched" when the student has at least this share of its weighted skills. */
export const MATCH_THRESHOLD = 0.3;

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week holding this day. */
export function mondayOf(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, -((day + 6) % 7));
}

/** What the digest of the week of `weekOf` (a Monday) covers. */
export function digestWindow(weekOf: string) {
  return {
    /** Opportunities starting, or closing applications, within four weeks. */
    upcomingFrom: weekOf,
    upcomingTo: addDays(weekOf, 27),
    /** Open action items due by the end of next week, overdue ones included. */
    dueBy: addDays(weekOf, 13),
    /** "New" opportunities: posted since the Monday before. */
    newSince: addDays(weekOf, -7),
  };
}

const EDUCATION = new Set(['k12', 'college', 'university']);
const EDUCATOR_KINDS = new Set(['classroom_engagement', 'faculty_externship']);
const WORKFORCE_KINDS = new Set(['apprenticeship', 'boot_camp']);
/** Roles that pass everything on (Recommendation #7: the Coordinator disseminates to points of contact). */
const DISSEMINATORS = ['coordinator', 'point_of_contact', 'leadership_council', 'facilitator', 'champion', 'initiative_leader'];

/** Whether an upcoming opportunity belongs in this person's digest, by their roles and organization. */
export function relevantTo(person: DigestPerson, o: { kind: string; audiences: string[]; employerId: string }): boolean {
  if (person.studentId !== null || (person.roles.length === 1 && person.roles[0] === 'student')) {
    if (o.kind === 'faculty_externship') return false;
    return o.audiences.length === 0 || (person.studentLevel !== null && o.audiences.includes(person.studentLevel));
  }
  if (person.roles.some((r) => DISSEMINATORS.includes(r))) return true;
  if (person.organizationType && EDUCATION.has(person.organizationType)) {
    return EDUCATOR_KINDS.has(o.kind) || o.audiences.includes('faculty') || o.audiences.includes(person.organizationType);
  }
  if (person.organizationType === 'employer') return o.employerId === person.organizationId || WORKFORCE_KINDS.has(o.kind);
  return true;
}

/**
 * People of the coalition matching `where` (a condition on `people p` alone), with what the digest
 * needs to know about them. Three plain reads joined here rather than one SQL join: embedded PGlite
 * gathers no statistics (no autovacuum), and without them the planner nests loops over the whole
 * coalition for every person (measured: 40 s for 500 people), while these stay index scans.
 */
export async function loadDigestPeople(db: Executor, coalitionId: string, where: SQL): Promise<DigestPerson[]> {
  const rows = (
    await db.execute<{ id: string; name: string; email: string | null; roles: string[]; organization_id: string | null }>(sql`
      select p.id, p.name, nullif(p.email, '') as email, p.roles, p.organization_id
      from people p where p.coalition_id = ${coalitionId} and ${where} order by p.id`)
  ).rows;
  if (rows.length === 0) return [];
  const [orgRows, studentRows] = [
    (await db.execute<{ id: string; type: string }>(sql`select o.id, o.type from organizations o where o.coalition_id = ${coalitionId}`)).rows,
    (await db.execute<{ id: string; person_id: string; institution_id: string }>(sql`
      select s.id, s.person_id, s.institution_id from students s
      where s.coalition_id = ${coalitionId} and s.person_id = any(${uuidArray(rows.map((r) => r.id))})`)).rows,
  ];
  const typeOf = new Map(orgRows.map((o) => [o.id, o.type]));
  const studentOf = new Map(studentRows.map((s) => [s.person_id, s]));
  const levelOf = (type: string | undefined) => (type === 'k12' || type === 'university' ? type : 'college');
  return rows.map((r) => {
    const student = studentOf.get(r.id);
    return {
      id: r.id,
      name: r.name,
      email: r.email,
      roles: r.roles,
      organizationId: r.organization_id,
      organizationType: r.organization_id ? (typeOf.get(r.organization_id) ?? null) : null,
      studentId: student?.id ?? null,
      studentLevel: student ? levelOf(typeOf.get(student.institution_id)) : null,
    };
  });
}

type OpportunityRow = { id: string; title: string; kind: string; organization_name: string; employer_id: string; starts_on: string | null; application_deadline: string | null; audiences: string[] };
const toOpportunity = (r: OpportunityRow): Opportunity => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  organizationName: r.organization_name,
  employerId: r.employer_id,
  startsOn: r.starts_on,
  applicationDeadline: r.application_deadline,
  audiences: r.audiences,
});
const publicPart = ({ employerId: _e, audiences: _a, ...rest }: Opportunity) => rest;

async function upcomingOpportunities(db: Executor, coalitionId: string, from: string, to: string): Promise<Opportunity[]> {
  const rows = await db.execute<OpportunityRow>(sql`
    select o.id, o.title, o.kind, e.name as organization_name, o.employer_id, o.starts_on::text as starts_on, o.application_deadline::text as application_deadline, o.audiences
    from opportunities o join organizations e on e.coalition_id = o.coalition_id and e.id = o.employer_id
    where o.coalition_id = ${coalitionId} and o.status = 'open'
      and ((o.starts_on between ${from}::date and ${to}::date) or (o.application_deadline between ${from}::date and ${to}::date))
    order by coalesce(o.starts_on, o.application_deadline), o.id
    limit 500`);
  return rows.rows.map(toOpportunity);
}

/** New open opportunities scored for each of these students: Σ importance × evidence factor of the skills they have ÷ Σ importance. */
async function newMatches(db: Executor, coalitionId: string, studentIds: string[], since: string, until: string) {
  if (studentIds.length === 0) return new Map<string, { opportunity: Opportunity; score: number }[]>();
  const rows = await db.execute<OpportunityRow & { student_id: string; share: string }>(sql`
    with fresh as (
      select o.id from opportunities o
      where o.coalition_id = ${coalitionId} and o.status = 'open' and o.kind <> 'faculty_externship'
        and o.created_at >= ${since}::date and o.created_at < ${until}::date
    ), req as (
      select os.opportunity_id, os.skill_id, os.importance from opportunity_skills os
      where os.coalition_id = ${coalitionId} and os.opportunity_id in (select id from fresh)
    ), total as (
      select opportunity_id, sum(importance)::numeric as total from req group by opportunity_id
    ), has as (
      select ss.student_id, ss.skill_id, max(case when ss.source = 'declared' then 0.8 else 1.0 end) as factor
      from student_skills ss
      where ss.coalition_id = ${coalitionId} and ss.student_id = any(${uuidArray(studentIds)})
        and ss.skill_id in (select skill_id from req)
      group by ss.student_id, ss.skill_id
    ), scored as (
      select has.student_id, req.opportunity_id, sum(req.importance * has.factor) / max(total.total) as share
      from has join req on req.skill_id = has.skill_id join total on total.opportunity_id = req.opportunity_id
      group by has.student_id, req.opportunity_id
    )
    select scored.student_id, scored.share, o.id, o.title, o.kind, e.name as organization_name, o.employer_id,
      o.starts_on::text as starts_on, o.application_deadline::text as application_deadline, o.audiences
    from scored
    join opportunities o on o.coalition_id = ${coalitionId} and o.id = scored.opportunity_id
    join organizations e on e.coalition_id = o.coalition_id and e.id = o.employer_id
    where scored.share >= ${MATCH_THRESHOLD}
    order by scored.student_id, scored.share desc, o.id`);
  const out = new Map<string, { opportunity: Opportunity; score: number }[]>();
  for (const r of rows.rows) {
    const list = out.get(r.student_id) ?? [];
    list.push({ opportunity: toOpportunity(r), score: Math.round(Number(r.share) * 1000) / 10 });
    out.set(r.student_id, list);
  }
  return out;
}

async function actionItemsDue(db: Executor, coalitionId: string, personIds: string[], weekOf: string, dueBy: string) {
  const out = new Map<string, DigestContent['actionItems']>();
  if (personIds.length === 0) return out;
  const rows = await db.execute<{ id: string; owner_id: string; title: string; due_on: string; meeting_id: string; meeting_title: string }>(sql`
    select ai.id, ai.owner_id, ai.title, ai.due_on::text as due_on, ai.meeting_id, m.title as meeting_title
    from action_items ai join meetings m on m.coalition_id = ai.coalition_id and m.id = ai.meeting_id
    where ai.coalition_id = ${coalitionId} and ai.status = 'open' and ai.owner_id = any(${uuidArray(personIds)}) and ai.due_on <= ${dueBy}::date
    order by ai.owner_id, ai.due_on, ai.id`);
  for (const r of rows.rows) {
    const list = out.get(r.owner_id) ?? [];
    if (list.length < ACTION_ITEMS_PER_PERSON) list.push({ id: r.id, title: r.title, dueOn: r.due_on, overdue: r.due_on < weekOf, meetingId: r.meeting_id, meetingTitle: r.meeting_title });
    out.set(r.owner_id, list);
  }
  return out;
}

/** Every person's digest for the week, by person id. */
export async function buildDigests(db: Executor, coalitionId: string, weekOf: string, persons: DigestPerson[]): Promise<Map<string, DigestContent>> {
  const w = digestWindow(weekOf);
  const studentIds = persons.flatMap((p) => (p.studentId ? [p.studentId] : []));
  // One after the other: a batch runs in a transaction, on one connection.
  const upcoming = await upcomingOpportunities(db, coalitionId, w.upcomingFrom, w.upcomingTo);
  const matches = await newMatches(db, coalitionId, studentIds, w.newSince, addDays(weekOf, 7));
  const items = await actionItemsDue(db, coalitionId, persons.map((p) => p.id), weekOf, w.dueBy);
  const out = new Map<string, DigestContent>();
  for (const person of persons) {
    const matched = (person.studentId ? (matches.get(person.studentId) ?? []) : [])
      .filter((m) => m.opportunity.audiences.length === 0 || (person.studentLevel !== null && m.opportunity.audiences.includes(person.studentLevel)))
      .slice(0, MATCHES_PER_STUDENT);
    const matchedIds = new Set(matched.map((m) => m.opportunity.id));
    out.set(person.id, {
      upcoming: upcoming
        .filter((o) => !matchedIds.has(o.id) && relevantTo(person, o))
        .slice(0, UPCOMING_PER_PERSON)
        .map(publicPart),
      matched: matched.map((m) => ({ ...publicPart(m.opportunity), score: m.score })),
      actionItems: items.get(person.id) ?? [],
    });
  }
  return out;
}

export const isEmpty = (c: DigestContent) => c.upcoming.length === 0 && c.matched.length === 0 && c.actionItems.length === 0;

const KIND_LABELS: Record<string, string> = {
  soft_skill_wbl: 'work-based learning (soft skills)',
  hard_skill_wbl: 'work-based learning (technical skills)',
  classroom_engagement: 'classroom engagement',
  faculty_externship: 'faculty externship',
  internship: 'internship',
  apprenticeship: 'apprenticeship',
  boot_camp: 'boot camp',
  job: 'job',
};

/** The plain-text body (the footer with the unsubscribe link is added by the sender). */
export function digestText(options: { name: string; coalitionName: string; weekLabel: string; baseUrl: string; slug: string; content: DigestContent }): string {
  const { content, baseUrl, slug } = options;
  const link = (id: string) => `${baseUrl}/c/${slug}/talent-pipeline/opportunities/${id}`;
  const when = (o: { startsOn: string | null; applicationDeadline: string | null }) =>
    [o.startsOn ? `starts ${o.startsOn}` : null, o.applicationDeadline ? `apply by ${o.applicationDeadline}` : null].filter(Boolean).join('; ');
  const lines = [`Hello ${options.name},`, '', `Your week at ${options.coalitionName}, week of ${options.weekLabel}.`];
  if (content.upcoming.length) {
    lines.push('', 'UPCOMING WORKSHOPS, SEMINARS AND APPRENTICESHIPS');
    for (const o of content.upcoming) lines.push(`- ${o.title}: ${KIND_LABELS[o.kind] ?? o.kind}, ${o.organizationName} (${when(o) || 'dates to be announced'})`, `  ${link(o.id)}`);
  }
  if (content.matched.length) {
    lines.push('', 'NEW OPPORTUNITIES MATCHED TO YOUR SKILLS');
    for (const o of content.matched) lines.push(`- ${o.title}: ${KIND_LABELS[o.kind] ?? o.kind}, ${o.organizationName} (${Math.round(o.score)}% of the skills it asks for)`, `  ${link(o.id)}`);
  }
  if (content.actionItems.length) {
    lines.push('', 'YOUR ACTION ITEMS');
    for (const i of content.actionItems) lines.push(`- ${i.title} (due ${i.dueOn}${i.overdue ? ', overdue' : ''}), from "${i.meetingTitle}"`);
    lines.push(`  ${baseUrl}/c/${slug}/meetings/my-action-items`);
  }
  lines.push('', options.coalitionName);
  return lines.join('\n');
}
