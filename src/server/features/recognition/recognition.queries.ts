import { sql } from 'drizzle-orm';
import type { CriterionKey, MemberType } from '../../../shared/recognition.contract.js';
import type { Executor } from '../../db/client.js';
import type { Span } from '../metrics/metrics.queries.js';

export interface CandidateValues {
  organizationId: string;
  name: string;
  memberType: MemberType;
  values: Partial<Record<CriterionKey, number>>;
}

/**
 * Every employer's and education institution's criterion values for a year, from records:
 * placements and students impacted (hosted, or of the institution's students), participants
 * (the organization's non-student members plus volunteers sent to delivered engagements),
 * engagements delivered, dollars invested (cash and in-kind pledges), specialty skill classes
 * and tech-focused certificate programs. (Meeting attendance comes from the meetings room's check-ins.)
 */
export async function candidateValues(db: Executor, s: Span): Promise<CandidateValues[]> {
  const result = await db.execute<{ id: string; name: string; type: string } & Record<string, number>>(sql`
    with b as (
      select make_timestamptz(${s.year}::int, 1, 1, 0, 0, 0, ${s.timeZone}::text) as t0,
             make_timestamptz(${s.year + 1}::int, 1, 1, 0, 0, 0, ${s.timeZone}::text) as t1,
             make_date(${s.year}::int, 1, 1) as d0, make_date(${s.year + 1}::int, 1, 1) as d1),
    e as (
      select c.application_id, c.to_status, a.student_id, st.institution_id, o.employer_id
        from application_status_changes c
        join applications a on a.coalition_id = c.coalition_id and a.id = c.application_id
        join students st on st.coalition_id = a.coalition_id and st.id = a.student_id
        join opportunities o on o.coalition_id = a.coalition_id and o.id = a.opportunity_id, b
       where c.coalition_id = ${s.coalitionId} and c.to_status in ('placed', 'completed', 'hired') and c.at >= b.t0 and c.at < b.t1)
    select org.id, org.name, org.type,
      case when org.type = 'employer'
        then (select count(distinct e.application_id) from e where e.employer_id = org.id and e.to_status = 'placed')
        else (select count(distinct e.application_id) from e where e.institution_id = org.id and e.to_status = 'placed') end::int as placements,
      case when org.type = 'employer'
        then (select count(distinct e.student_id) from e where e.employer_id = org.id)
        else (select count(distinct e.student_id) from e where e.institution_id = org.id) end::int as students_impacted,
      ((select count(*) from people p where p.coalition_id = org.coalition_id and p.organization_id = org.id and not ('student' = any(p.roles)))
        + (select coalesce(sum(r.quantity), 0) from engagement_requests r, b where r.coalition_id = org.coalition_id and r.employer_id = org.id and r.status = 'delivered' and r.requested_on >= b.d0 and r.requested_on < b.d1))::int as participants_volunteers,
      ((select count(*) from engagement_requests r, b where r.coalition_id = org.coalition_id and r.employer_id = org.id and r.status = 'delivered' and r.requested_on >= b.d0 and r.requested_on < b.d1)
        + (select count(*) from opportunities o, b where o.coalition_id = org.coalition_id and o.employer_id = org.id and o.status = 'completed'
             and o.kind in ('soft_skill_wbl', 'hard_skill_wbl', 'classroom_engagement', 'faculty_externship')
             and coalesce(o.ends_on, o.starts_on) >= b.d0 and coalesce(o.ends_on, o.starts_on) < b.d1))::int as engagements,
      (select coalesce(sum(p.amount_cents), 0)::float8 / 100 from pledges p, b where p.coalition_id = org.coalition_id and p.organization_id = org.id and p.status <> 'cancelled' and p.pledged_on >= b.d0 and p.pledged_on < b.d1) as dollars_invested,
      (select count(*) from programs p where p.coalition_id = org.coalition_id and p.institution_id = org.id and p.specialty_skill_class)::int as specialty_skill_classes,
      (select count(*) from programs p where p.coalition_id = org.coalition_id and p.institution_id = org.id and p.award_level = 'certificate' and p.tech_focused)::int as certificate_programs
    from organizations org
    where org.coalition_id = ${s.coalitionId} and org.type in ('employer', 'k12', 'college', 'university')
    order by org.name`);
  return result.rows.map((r) => ({
    organizationId: r.id,
    name: r.name,
    memberType: r.type === 'employer' ? 'employer' : 'education',
    values: {
      placements: Number(r.placements),
      students_impacted: Number(r.students_impacted),
      participants_volunteers: Number(r.participants_volunteers),
      engagements: Number(r.engagements),
      dollars_invested: Number(r.dollars_invested),
      specialty_skill_classes: Number(r.specialty_skill_classes),
      certificate_programs: Number(r.certificate_programs),
    },
  }));
}
