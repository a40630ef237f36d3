import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Span } from './metrics.queries.js';

/**
 * One organization's figures for a year, from the same records as the coalition's metrics.
 * Employers: what they hosted, hired and gave; institutions: their students' placements and
 * hires, certificates awarded (program outcomes), specialty classes and certificate programs.
 */
const yearOf = (s: Span) => sql`
  select make_timestamptz(${s.year}::int, 1, 1, 0, 0, 0, ${s.timeZone}::text) as t0,
         make_timestamptz(${s.year + 1}::int, 1, 1, 0, 0, 0, ${s.timeZone}::text) as t1,
         make_date(${s.year}::int, 1, 1) as d0, make_date(${s.year + 1}::int, 1, 1) as d1`;

const events = (s: Span) => sql`
  select c.application_id, c.to_status, a.student_id, st.institution_id, o.kind, o.employer_id
    from application_status_changes c
    join applications a on a.coalition_id = c.coalition_id and a.id = c.application_id
    join students st on st.coalition_id = a.coalition_id and st.id = a.student_id
    join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id, b
   where c.coalition_id = ${s.coalitionId} and c.to_status in ('placed', 'hired') and c.at >= b.t0 and c.at < b.t1`;

export async function employerFigures(db: Executor, s: Span, orgId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    with b as (${yearOf(s)}), e as (${events(s)})
    select (select count(distinct application_id)::int from e where employer_id = ${orgId} and to_status = 'placed' and kind = 'internship') as interns_hosted,
           (select count(distinct application_id)::int from e where employer_id = ${orgId} and to_status = 'placed') as placements_hosted,
           (select count(distinct application_id)::int from e where employer_id = ${orgId} and to_status = 'hired') as hires,
           (select count(*)::int from engagement_requests r, b where r.coalition_id = ${s.coalitionId} and r.employer_id = ${orgId} and r.status = 'delivered' and r.requested_on >= b.d0 and r.requested_on < b.d1)
           + (select count(*)::int from opportunities o, b where o.coalition_id = ${s.coalitionId} and o.employer_id = ${orgId} and o.status = 'completed'
                and o.kind in ('soft_skill_wbl', 'hard_skill_wbl', 'classroom_engagement', 'faculty_externship')
                and coalesce(o.ends_on, o.starts_on) >= b.d0 and coalesce(o.ends_on, o.starts_on) < b.d1) as engagements_delivered,
           (select count(*)::int from engagement_requests r, b where r.coalition_id = ${s.coalitionId} and r.employer_id = ${orgId} and r.status = 'brokered' and r.requested_on >= b.d0 and r.requested_on < b.d1) as engagements_scheduled,
           (select count(*)::int from opportunities o where o.coalition_id = ${s.coalitionId} and o.employer_id = ${orgId} and o.status = 'open') as open_opportunities,
           (select coalesce(sum(p.amount_cents), 0)::float8 / 100 from pledges p, b where p.coalition_id = ${s.coalitionId} and p.organization_id = ${orgId} and p.kind = 'cash' and p.status <> 'cancelled' and p.pledged_on >= b.d0 and p.pledged_on < b.d1) as dollars_invested,
           (select coalesce(sum(p.amount_cents), 0)::float8 / 100 from pledges p, b where p.coalition_id = ${s.coalitionId} and p.organization_id = ${orgId} and p.kind = 'in_kind' and p.status <> 'cancelled' and p.pledged_on >= b.d0 and p.pledged_on < b.d1) as in_kind_invested`);
  return numbers(result.rows[0]!);
}

export async function institutionFigures(db: Executor, s: Span, orgId: string): Promise<Record<string, number>> {
  const result = await db.execute<Record<string, number>>(sql`
    with b as (${yearOf(s)}), e as (${events(s)})
    select (select count(*)::int from students st where st.coalition_id = ${s.coalitionId} and st.institution_id = ${orgId}) as students,
           (select count(distinct application_id)::int from e where institution_id = ${orgId} and to_status = 'placed') as student_placements,
           (select count(distinct application_id)::int from e where institution_id = ${orgId} and to_status = 'hired') as job_placements,
           (select coalesce(sum(po.completions), 0)::int from program_outcomes po join programs p on p.coalition_id = po.coalition_id and p.id = po.program_id
             where po.coalition_id = ${s.coalitionId} and p.institution_id = ${orgId} and p.award_level = 'certificate' and po.year = ${s.year}) as certificates_awarded,
           (select count(*)::int from programs p where p.coalition_id = ${s.coalitionId} and p.institution_id = ${orgId} and p.specialty_skill_class) as specialty_skill_classes,
           (select count(*)::int from programs p where p.coalition_id = ${s.coalitionId} and p.institution_id = ${orgId} and p.award_level = 'certificate' and p.tech_focused) as certificate_programs`);
  return numbers(result.rows[0]!);
}

export async function curriculumChangesOf(db: Executor, coalitionId: string, orgId: string) {
  const result = await db.execute<{ id: string; title: string; status: string; decided_at: Date | string | null }>(sql`
    select id, title, status, decided_at from curriculum_proposals
     where coalition_id = ${coalitionId} and institution_id = ${orgId}
     order by coalesce(decided_at, created_at) desc limit 20`);
  return result.rows.map((r) => ({ id: r.id, title: r.title, status: r.status, decidedAt: r.decided_at === null ? null : new Date(r.decided_at).toISOString() }));
}

const numbers = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
