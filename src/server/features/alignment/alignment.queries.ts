import { sql, type SQL } from 'drizzle-orm';
import type { SkillAlignmentDto } from '../../../shared/alignment.contract.js';
import type { Executor } from '../../db/client.js';

/*
 * The alignment figures are computed in SQL, in one round trip each, so they stay fast as needs and
 * courses grow; the services only shape the rows.
 */

/** Σ positions × importance per skill, from the coalition's hiring needs. */
const demandCte = (c: string) => sql`
  select hs.skill_id,
         sum(n.positions * case hs.importance when 'preferred' then 0.5 else 1 end)::float8 as demand,
         count(*)::int as needs,
         sum(n.positions)::int as positions
  from hiring_need_skills hs
  join hiring_needs n on n.coalition_id = hs.coalition_id and n.id = hs.need_id
  where hs.coalition_id = ${c}
  group by hs.skill_id`;

/** Σ annual enrollment per skill, from the courses teaching it now. */
const supplyCte = (c: string) => sql`
  select cs.skill_id,
         sum(coalesce(co.annual_enrollment, 0))::float8 as supply,
         count(*)::int as courses,
         count(distinct p.institution_id)::int as institutions
  from course_skills cs
  join courses co on co.coalition_id = cs.coalition_id and co.id = cs.course_id
  join programs p on p.coalition_id = co.coalition_id and p.id = co.program_id
  where cs.coalition_id = ${c}
  group by cs.skill_id`;

export async function skillAlignment(db: Executor, coalitionId: string, filter: { skillIds?: string[]; q?: string | undefined; kind?: string | undefined; demandedOnly?: boolean } = {}): Promise<SkillAlignmentDto[]> {
  const where: SQL[] = [];
  if (filter.skillIds) where.push(sql`s.id = any(${sql.param(filter.skillIds)}::text[])`);
  if (filter.q) where.push(sql`s.name ilike ${`%${filter.q.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`}`);
  if (filter.kind) where.push(sql`s.kind = ${filter.kind}`);
  if (filter.demandedOnly) where.push(sql`d.skill_id is not null`);
  const result = await db.execute<SkillAlignmentDto>(sql`
    with demand as (${demandCte(coalitionId)}), supply as (${supplyCte(coalitionId)})
    select s.id as "skillId", s.name as skill, s.kind,
           coalesce(d.demand, 0) as demand,
           coalesce(u.supply, 0) as supply,
           coalesce(d.demand, 0) - coalesce(u.supply, 0) as gap,
           coalesce(d.needs, 0) as needs,
           coalesce(d.positions, 0) as positions,
           coalesce(u.courses, 0) as courses,
           coalesce(u.institutions, 0) as institutions
    from demand d
    full join supply u on u.skill_id = d.skill_id
    join skills s on s.id = coalesce(d.skill_id, u.skill_id)
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by gap desc, s.name`);
  return result.rows;
}

/** The hiring needs behind a skill's demand. */
export async function demandRecords(db: Executor, coalitionId: string, skillId: string) {
  const result = await db.execute<{ needId: string; title: string; employerId: string; employerName: string; soc: string; positions: number; importance: string; level: string | null; weight: number }>(sql`
    select n.id as "needId", n.title, n.employer_id as "employerId", o.name as "employerName", n.soc, n.positions,
           hs.importance, hs.level, (n.positions * case hs.importance when 'preferred' then 0.5 else 1 end)::float8 as weight
    from hiring_need_skills hs
    join hiring_needs n on n.coalition_id = hs.coalition_id and n.id = hs.need_id
    join organizations o on o.coalition_id = n.coalition_id and o.id = n.employer_id
    where hs.coalition_id = ${coalitionId} and hs.skill_id = ${skillId}
    order by weight desc, n.title`);
  return result.rows;
}

/** The courses behind a skill's supply, each with the version (and proposal) that added the skill. */
export async function supplyRecords(db: Executor, coalitionId: string, skillId: string) {
  const result = await db.execute<{
    courseId: string; title: string; code: string | null; programId: string; programTitle: string; awardLevel: string;
    institutionId: string; institutionName: string; annualEnrollment: number | null; weight: number;
    sinceVersion: number | null; proposalId: string | null; proposalTitle: string | null; sinceAt: Date | string | null;
  }>(sql`
    select co.id as "courseId", co.title, co.code, p.id as "programId", p.title as "programTitle", p.award_level as "awardLevel",
           p.institution_id as "institutionId", o.name as "institutionName", co.annual_enrollment as "annualEnrollment",
           coalesce(co.annual_enrollment, 0)::float8 as weight,
           v.version as "sinceVersion", v.proposal_id as "proposalId", cp.title as "proposalTitle", v.created_at as "sinceAt"
    from course_skills cs
    join courses co on co.coalition_id = cs.coalition_id and co.id = cs.course_id
    join programs p on p.coalition_id = co.coalition_id and p.id = co.program_id
    join organizations o on o.coalition_id = p.coalition_id and o.id = p.institution_id
    left join lateral (
      select version, proposal_id, created_at from course_skill_versions v
      where v.coalition_id = cs.coalition_id and v.course_id = cs.course_id and cs.skill_id = any(v.added)
      order by v.version desc limit 1
    ) v on true
    left join curriculum_proposals cp on cp.coalition_id = cs.coalition_id and cp.id = v.proposal_id
    where cs.coalition_id = ${coalitionId} and cs.skill_id = ${skillId}
    order by weight desc, co.title`);
  return result.rows;
}

export async function occupationsRating(db: Executor, skillId: string) {
  const result = await db.execute<{ soc: string; importance: number | null }>(sql`
    select soc, importance from occupation_skills where skill_id = ${skillId} order by importance desc nulls last, soc limit 50`);
  return result.rows;
}

export async function proposalsTouching(db: Executor, coalitionId: string, skillId: string) {
  const result = await db.execute<{ id: string; title: string; status: string; change: 'add' | 'remove'; courseId: string | null }>(sql`
    select id, title, status, case when ${skillId} = any(skills_added) then 'add' else 'remove' end as change, course_id as "courseId"
    from curriculum_proposals
    where coalition_id = ${coalitionId} and (${skillId} = any(skills_added) or ${skillId} = any(skills_removed))
    order by created_at desc`);
  return result.rows;
}

/** Skill ids each hiring need asks for (for evidence: which needs stood behind a skill). */
export async function needIdsBySkill(db: Executor, coalitionId: string, skillIds: string[]): Promise<Map<string, string[]>> {
  if (skillIds.length === 0) return new Map();
  const result = await db.execute<{ skillId: string; needIds: string[] }>(sql`
    select skill_id as "skillId", array_agg(need_id::text order by need_id) as "needIds"
    from hiring_need_skills where coalition_id = ${coalitionId} and skill_id = any(${sql.param(skillIds)}::text[])
    group by skill_id`);
  return new Map(result.rows.map((r) => [r.skillId, r.needIds]));
}

// ── Occupations

export type OccupationRow = {
  soc: string;
  title: string;
  projectedOpenings: number | null;
  declaredPositions: number;
  supply: number;
  pipeline: number;
  percentChange: number | null;
  needs: number;
  programs: number;
  split: boolean;
};

/** Projections and needs expressed in SOC 2018 (a SOC 2010 code's figures shared evenly among its successors). */
const occupationCtes = (c: string, region: string | null) => sql`
  region as (
    select id from lm_regions where coalition_id = ${c} and (${region}::text is null or slug = ${region}) order by name limit 1
  ),
  proj as (
    select distinct on (p.soc) p.soc, p.soc_version, p.title, p.base_employment, p.projected_employment,
           coalesce(p.stated_total_openings, p.annual_new_jobs + p.annual_replacement_needs) as openings
    from lm_projections p
    where p.coalition_id = ${c} and p.region_id = (select id from region)
    order by p.soc, p.projected_year desc, p.base_year desc
  ),
  proj18 as (
    select coalesce(x.soc2018, pr.soc) as soc, coalesce(x.soc2018_title, pr.title) as title, pr.soc as source_soc, pr.soc_version, pr.title as source_title,
           pr.openings, pr.base_employment, pr.projected_employment,
           1.0 / count(*) over (partition by pr.soc) as share
    from proj pr
    left join soc_crosswalk x on pr.soc_version = '2010' and x.soc2010 = pr.soc
  ),
  need18 as (
    select coalesce(x.soc2018, n.soc) as soc, n.id, n.title, n.employer_id, n.positions * 1.0 / count(*) over (partition by n.id) as positions
    from hiring_needs n
    left join soc_crosswalk x on x.soc2010 = n.soc and not exists (select 1 from soc_crosswalk y where y.soc2018 = n.soc)
    where n.coalition_id = ${c}
  ),
  prog as (
    select p.id, p.title, p.institution_id, p.award_level, p.cip, lo.year, lo.completions
    from programs p
    left join lateral (
      select year, completions from program_outcomes o
      where o.coalition_id = p.coalition_id and o.program_id = p.id and o.completions is not null
      order by year desc limit 1
    ) lo on true
    where p.coalition_id = ${c} and p.cip is not null
  ),
  prog18 as (
    select x.soc, x.soc_title, pr.* from prog pr join cip_soc x on x.cip = pr.cip
  )`;

export async function occupationAlignment(db: Executor, coalitionId: string, region: string | null, socs?: string[]): Promise<OccupationRow[]> {
  const result = await db.execute<OccupationRow>(sql`
    with ${occupationCtes(coalitionId, region)},
    pj as (
      select soc, min(title) as title, sum(openings * share)::float8 as openings,
             sum(base_employment * share) as base, sum(projected_employment * share) as projected,
             bool_or(share < 1) as split
      from proj18 group by soc
    ),
    nd as (select soc, sum(positions)::float8 as positions, count(*)::int as needs, min(title) as need_title from need18 group by soc),
    sp as (
      select soc, min(soc_title) as title,
             coalesce(sum(completions) filter (where award_level <> 'k12_pathway'), 0)::float8 as supply,
             coalesce(sum(completions) filter (where award_level = 'k12_pathway'), 0)::float8 as pipeline,
             count(*)::int as programs
      from prog18 group by soc
    ),
    codes as (select soc from pj union select soc from nd union select soc from sp)
    select k.soc,
           coalesce(pj.title, (select title from soc_codes sc where sc.version = '2018' and sc.code = k.soc), sp.title, nd.need_title, k.soc) as title,
           pj.openings as "projectedOpenings",
           coalesce(nd.positions, 0) as "declaredPositions",
           coalesce(sp.supply, 0) as supply,
           coalesce(sp.pipeline, 0) as pipeline,
           case when pj.base > 0 then round(((pj.projected - pj.base) / pj.base * 100)::numeric, 1)::float8 end as "percentChange",
           coalesce(nd.needs, 0) as needs,
           coalesce(sp.programs, 0) as programs,
           coalesce(pj.split, false) as split
    from codes k
    left join pj on pj.soc = k.soc
    left join nd on nd.soc = k.soc
    left join sp on sp.soc = k.soc
    ${socs ? sql`where k.soc = any(${sql.param(socs)}::text[])` : sql``}
    order by k.soc`);
  return result.rows;
}

export async function occupationRecords(db: Executor, coalitionId: string, region: string | null, soc: string) {
  const [projections, needs, programs] = await Promise.all([
    db.execute<{ soc: string; socVersion: string; title: string; openings: number | null; share: number }>(sql`
      with ${occupationCtes(coalitionId, region)}
      select source_soc as soc, soc_version as "socVersion", source_title as title, openings, share::float8 as share from proj18 where soc = ${soc} order by source_soc`),
    db.execute<{ needId: string; title: string; employerId: string; employerName: string; positions: number }>(sql`
      with ${occupationCtes(coalitionId, region)}
      select n.id as "needId", n.title, n.employer_id as "employerId", o.name as "employerName", n.positions::float8 as positions
      from need18 n join organizations o on o.coalition_id = ${coalitionId} and o.id = n.employer_id
      where n.soc = ${soc} order by n.positions desc, n.title`),
    db.execute<{ programId: string; title: string; institutionId: string; institutionName: string; awardLevel: string; cip: string; year: number | null; completions: number | null }>(sql`
      with ${occupationCtes(coalitionId, region)}
      select p.id as "programId", p.title, p.institution_id as "institutionId", o.name as "institutionName", p.award_level as "awardLevel", p.cip, p.year, p.completions
      from prog18 p join organizations o on o.coalition_id = ${coalitionId} and o.id = p.institution_id
      where p.soc = ${soc} order by p.completions desc nulls last, p.title`),
  ]);
  return { projections: projections.rows, needs: needs.rows, programs: programs.rows };
}

// ── Institutions

export type InstitutionRow = {
  institutionId: string;
  name: string;
  type: string;
  programs: number;
  courses: number;
  enrollment: number;
  completions: number;
  skillsTaught: number;
  demandedSkills: number;
  demandedSkillsTaught: number;
  coveredDemand: number;
  totalDemand: number;
};

export async function institutionAlignment(db: Executor, coalitionId: string, institutionId?: string): Promise<InstitutionRow[]> {
  const result = await db.execute<InstitutionRow>(sql`
    with demand as (${demandCte(coalitionId)}),
    taught as (
      select distinct p.institution_id, cs.skill_id
      from course_skills cs
      join courses co on co.coalition_id = cs.coalition_id and co.id = cs.course_id
      join programs p on p.coalition_id = co.coalition_id and p.id = co.program_id
      where cs.coalition_id = ${coalitionId}
    ),
    totals as (select count(*)::int as skills, coalesce(sum(demand), 0)::float8 as demand from demand)
    select o.id as "institutionId", o.name, o.type,
           (select count(*)::int from programs p where p.coalition_id = o.coalition_id and p.institution_id = o.id) as programs,
           (select count(*)::int from courses co join programs p on p.coalition_id = co.coalition_id and p.id = co.program_id
             where co.coalition_id = o.coalition_id and p.institution_id = o.id) as courses,
           (select coalesce(sum(co.annual_enrollment), 0)::float8 from courses co join programs p on p.coalition_id = co.coalition_id and p.id = co.program_id
             where co.coalition_id = o.coalition_id and p.institution_id = o.id) as enrollment,
           (select coalesce(sum(lo.completions), 0)::float8 from programs p
             left join lateral (select completions from program_outcomes x where x.coalition_id = p.coalition_id and x.program_id = p.id and x.completions is not null order by year desc limit 1) lo on true
             where p.coalition_id = o.coalition_id and p.institution_id = o.id) as completions,
           (select count(*)::int from taught t where t.institution_id = o.id) as "skillsTaught",
           (select skills from totals) as "demandedSkills",
           (select count(*)::int from taught t join demand d on d.skill_id = t.skill_id where t.institution_id = o.id) as "demandedSkillsTaught",
           (select coalesce(sum(d.demand), 0)::float8 from taught t join demand d on d.skill_id = t.skill_id where t.institution_id = o.id) as "coveredDemand",
           (select demand from totals) as "totalDemand"
    from organizations o
    where o.coalition_id = ${coalitionId}
      and (o.type in ('k12', 'college', 'university') or exists (select 1 from programs p where p.coalition_id = o.coalition_id and p.institution_id = o.id))
      ${institutionId ? sql`and o.id = ${institutionId}` : sql``}
    order by o.name`);
  return result.rows;
}

/** Demanded skills that none of an institution's courses teach, most demanded first. */
export async function missingSkills(db: Executor, coalitionId: string, institutionId: string) {
  const result = await db.execute<{ skillId: string; skill: string; kind: 'hard' | 'soft' | 'technology' | 'knowledge'; demand: number; needs: number }>(sql`
    with demand as (${demandCte(coalitionId)})
    select s.id as "skillId", s.name as skill, s.kind, d.demand, d.needs
    from demand d join skills s on s.id = d.skill_id
    where not exists (
      select 1 from course_skills cs
      join courses co on co.coalition_id = cs.coalition_id and co.id = cs.course_id
      join programs p on p.coalition_id = co.coalition_id and p.id = co.program_id
      where cs.coalition_id = ${coalitionId} and p.institution_id = ${institutionId} and cs.skill_id = d.skill_id
    )
    order by d.demand desc, s.name`);
  return result.rows;
}

export async function programsWithOccupations(db: Executor, coalitionId: string, institutionId: string) {
  const result = await db.execute<{ programId: string; title: string; awardLevel: string; cip: string | null; completions: number | null; socs: string[] | null }>(sql`
    select p.id as "programId", p.title, p.award_level as "awardLevel", p.cip, lo.completions,
           (select array_agg(x.soc order by x.soc) from cip_soc x where x.cip = p.cip) as socs
    from programs p
    left join lateral (select completions from program_outcomes o where o.coalition_id = p.coalition_id and o.program_id = p.id and o.completions is not null order by year desc limit 1) lo on true
    where p.coalition_id = ${coalitionId} and p.institution_id = ${institutionId}
    order by p.title`);
  return result.rows;
}

/** Supply per skill and institution, for the heat map. */
export async function supplyCells(db: Executor, coalitionId: string, skillIds: string[]) {
  if (skillIds.length === 0) return [];
  const result = await db.execute<{ skillId: string; institutionId: string; supply: number; courses: number }>(sql`
    select cs.skill_id as "skillId", p.institution_id as "institutionId",
           sum(coalesce(co.annual_enrollment, 0))::float8 as supply, count(*)::int as courses
    from course_skills cs
    join courses co on co.coalition_id = cs.coalition_id and co.id = cs.course_id
    join programs p on p.coalition_id = co.coalition_id and p.id = co.program_id
    where cs.coalition_id = ${coalitionId} and cs.skill_id = any(${sql.param(skillIds)}::text[])
    group by cs.skill_id, p.institution_id`);
  return result.rows;
}

export async function skillById(db: Executor, skillId: string) {
  const result = await db.execute<{ id: string; name: string; kind: 'hard' | 'soft' | 'technology' | 'knowledge' }>(sql`select id, name, kind from skills where id = ${skillId}`);
  return result.rows[0];
}
