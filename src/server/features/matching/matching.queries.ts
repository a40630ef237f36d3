import { sql, type SQL } from 'drizzle-orm';
import { applications, opportunities, opportunitySkills, organizations, studentSkills, students } from '../../db/schema.js';
import type { Executor } from '../../db/client.js';

/**
 * Scoring in SQL over the skill join tables (student_skills ⋈ opportunity_skills on skill_id), so
 * ranking and paging happen in the database at regional scale. A declared-only skill counts 0.8,
 * an evidenced one (course, work-based learning, portfolio) 1.
 */
const FACTOR = sql`max(case when ${studentSkills.source} = 'declared' then 0.8 else 1.0 end)`;
const EVIDENCED = sql`bool_or(${studentSkills.source} <> 'declared')`;

/** 70 × weighted skill share + 20 × same pathway + schedule (10 fits, 5 unknown, 0 does not). */
function scoreOf(skillShare: SQL, pathwayMatch: SQL, scheduleFit: SQL): SQL {
  return sql`round((70 * ${skillShare} + 20 * (case when ${pathwayMatch} then 1 else 0 end) + (case when ${scheduleFit} is null then 5 when ${scheduleFit} then 10 else 0 end))::numeric, 1)`;
}

/** null = nobody said; otherwise every stated side fits (hours per week, start date). */
function scheduleFit(studentHours: SQL, studentFrom: SQL, neededHours: SQL, startsOn: SQL): SQL {
  const hours = sql`case when ${studentHours} is null or ${neededHours} is null then null else ${studentHours} >= ${neededHours} end`;
  const from = sql`case when ${studentFrom} is null or ${startsOn} is null then null else ${studentFrom} <= ${startsOn} end`;
  return sql`(case when (${hours}) is false or (${from}) is false then false when (${hours}) is null and (${from}) is null then null else true end)`;
}

const audienceOfInstitution = sql`(case ${organizations.type} when 'k12' then 'k12' when 'university' then 'university' else 'college' end)`;

function keyset(cursor: [number, string] | null): SQL {
  return cursor ? sql`where (ranked.score < ${cursor[0]} or (ranked.score = ${cursor[0]} and ranked.id > ${cursor[1]}::uuid))` : sql``;
}

export type CandidateRow = {
  id: string;
  personId: string | null;
  firstName: string;
  lastName: string;
  pathway: string | null;
  graduationYear: number | null;
  institutionName: string;
  hoursPerWeek: number | null;
  availableFrom: string | null;
  weighted: number | null;
  matched: string[] | null;
  evidenced: string[] | null;
  pathwayMatch: boolean;
  scheduleFit: boolean | null;
  applicationStatus: string | null;
  score: number;
};

export interface OpportunityTerms {
  id: string;
  pathway: string | null;
  hoursPerWeek: number | null;
  startsOn: string | null;
  audiences: string[];
  /** Born on or before this date to meet the minimum age at the start (null = no minimum). */
  bornBy: string | null;
  totalImportance: number;
}

/**
 * Students ranked for an opportunity, among those `visible` lets the caller see. `pool`, when given,
 * is a superset of the visible students that is cheap to list (an employer's applicants, a school's
 * own students): the ranking starts from it instead of every student, and `visible` still decides.
 * The score is ranked alone; names, skill lists and application status are looked up only for the
 * page (at regional scale hundreds of thousands of students have a score).
 */
export async function rankCandidates(db: Executor, coalitionId: string, o: OpportunityTerms, visible: SQL | undefined, limit: number, cursor: [number, string] | null, pool?: SQL): Promise<CandidateRow[]> {
  const pathwayMatch = sql`(${o.pathway}::text is not null and lower(${students.pathway}) = lower(${o.pathway}::text))`;
  const fit = scheduleFit(sql`${students.hoursPerWeek}`, sql`${students.availableFrom}`, sql`${o.hoursPerWeek}::int`, sql`${o.startsOn}::date`);
  const share = sql`coalesce(agg.weighted, 0) / ${Math.max(o.totalImportance, 1)}::numeric`;
  const inPool = pool ? sql`and ${studentSkills.studentId} in (select pool.id from pool)` : sql``;
  const result = await db.execute<CandidateRow>(sql`
    with req as (
      select ${opportunitySkills.skillId} as skill_id, ${opportunitySkills.importance} as importance from ${opportunitySkills}
      where ${opportunitySkills.coalitionId} = ${coalitionId} and ${opportunitySkills.opportunityId} = ${o.id}
    )${pool ? sql`, pool as (${pool})` : sql``}, per as (
      select ${studentSkills.studentId} as student_id, ${studentSkills.skillId} as skill_id, ${FACTOR} as factor, ${EVIDENCED} as evidenced
      from ${studentSkills} join req on req.skill_id = ${studentSkills.skillId}
      where ${studentSkills.coalitionId} = ${coalitionId} ${inPool}
      group by ${studentSkills.studentId}, ${studentSkills.skillId}
    ), agg as (
      select per.student_id, sum(req.importance * per.factor) as weighted from per join req on req.skill_id = per.skill_id group by per.student_id
    ), ranked as (
      select ${students.id} as id, ${scoreOf(share, pathwayMatch, fit)}::float8 as score
      from ${students}
      join ${organizations} on ${organizations.coalitionId} = ${students.coalitionId} and ${organizations.id} = ${students.institutionId}
      left join agg on agg.student_id = ${students.id}
      where ${students.coalitionId} = ${coalitionId}
        ${pool ? sql`and ${students.id} in (select pool.id from pool)` : sql``}
        and ${visible ?? sql`true`}
        and (agg.weighted > 0 or ${pathwayMatch})
        and (cardinality(${sql.param(o.audiences)}::text[]) = 0 or ${audienceOfInstitution} = any(${sql.param(o.audiences)}::text[]))
        and (${o.bornBy}::date is null or ${students.dateOfBirth} <= ${o.bornBy}::date)
    ), page as (
      select * from ranked ${keyset(cursor)} order by ranked.score desc, ranked.id limit ${limit + 1}
    )
    select ${students.id} as id, ${students.personId} as "personId", ${students.firstName} as "firstName", ${students.lastName} as "lastName",
      ${students.pathway} as pathway, ${students.graduationYear} as "graduationYear", ${organizations.name} as "institutionName",
      ${students.hoursPerWeek} as "hoursPerWeek", ${students.availableFrom}::text as "availableFrom",
      skills.weighted::float8 as weighted, skills.matched, skills.evidenced, ${pathwayMatch} as "pathwayMatch", ${fit} as "scheduleFit",
      (select ${applications.status} from ${applications} where ${applications.coalitionId} = ${students.coalitionId} and ${applications.studentId} = ${students.id} and ${applications.opportunityId} = ${o.id}) as "applicationStatus",
      page.score
    from page
    join ${students} on ${students.coalitionId} = ${coalitionId} and ${students.id} = page.id
    join ${organizations} on ${organizations.coalitionId} = ${students.coalitionId} and ${organizations.id} = ${students.institutionId}
    left join lateral (
      select sum(req.importance * mine.factor) as weighted,
        array_agg(mine.skill_id order by req.importance desc, mine.skill_id) as matched,
        array_agg(mine.skill_id order by req.importance desc, mine.skill_id) filter (where mine.evidenced) as evidenced
      from (
        select ${studentSkills.skillId} as skill_id, ${FACTOR} as factor, ${EVIDENCED} as evidenced from ${studentSkills}
        where ${studentSkills.coalitionId} = ${coalitionId} and ${studentSkills.studentId} = page.id and ${studentSkills.skillId} in (select req.skill_id from req)
        group by ${studentSkills.skillId}
      ) mine join req on req.skill_id = mine.skill_id
      having count(*) > 0
    ) skills on true
    order by page.score desc, page.id`);
  return result.rows;
}

export type MatchRow = {
  id: string;
  title: string;
  kind: string;
  employerId: string;
  employerName: string;
  pathway: string | null;
  startsOn: string | null;
  applicationDeadline: string | null;
  audiences: string[];
  minimumAge: number | null;
  hoursPerWeek: number | null;
  matched: string[] | null;
  evidenced: string[] | null;
  missing: string[] | null;
  pathwayMatch: boolean;
  scheduleFit: boolean | null;
  applicationStatus: string | null;
  score: number;
};

export interface StudentTerms {
  id: string;
  pathway: string | null;
  hoursPerWeek: number | null;
  availableFrom: string | null;
  audience: string;
  dateOfBirth: string | null;
  today: string;
}

/**
 * Open opportunities ranked for a student, eligible ones only (audience, minimum age, deadline).
 * As for candidates, the score is ranked alone and the page is decorated afterwards.
 */
export async function rankMatches(db: Executor, coalitionId: string, s: StudentTerms, limit: number, cursor: [number, string] | null): Promise<MatchRow[]> {
  const pathwayMatch = sql`(${s.pathway}::text is not null and lower(${opportunities.pathway}) = lower(${s.pathway}::text))`;
  const fit = scheduleFit(sql`${s.hoursPerWeek}::int`, sql`${s.availableFrom}::date`, sql`${opportunities.hoursPerWeek}`, sql`${opportunities.startsOn}`);
  const share = sql`coalesce(per.weighted, 0) / greatest(per.total, 1)::numeric`;
  const result = await db.execute<MatchRow>(sql`
    with mine as (
      select ${studentSkills.skillId} as skill_id, ${FACTOR} as factor, ${EVIDENCED} as evidenced from ${studentSkills}
      where ${studentSkills.coalitionId} = ${coalitionId} and ${studentSkills.studentId} = ${s.id} group by ${studentSkills.skillId}
    ), per as (
      select ${opportunitySkills.opportunityId} as opportunity_id, sum(${opportunitySkills.importance}) as total,
        sum(${opportunitySkills.importance} * coalesce(mine.factor, 0)) as weighted
      from ${opportunitySkills} left join mine on mine.skill_id = ${opportunitySkills.skillId}
      where ${opportunitySkills.coalitionId} = ${coalitionId}
        and ${opportunitySkills.opportunityId} in (select os.opportunity_id from ${opportunitySkills} os join mine on mine.skill_id = os.skill_id where os.coalition_id = ${coalitionId})
      group by ${opportunitySkills.opportunityId}
    ), ranked as (
      select ${opportunities.id} as id, per.opportunity_id is not null as overlaps, ${scoreOf(share, pathwayMatch, fit)}::float8 as score
      from ${opportunities}
      left join per on per.opportunity_id = ${opportunities.id}
      where ${opportunities.coalitionId} = ${coalitionId}
        and ${opportunities.status} = 'open'
        and (${opportunities.applicationDeadline} is null or ${opportunities.applicationDeadline} >= ${s.today}::date)
        and (per.weighted > 0 or ${pathwayMatch})
        and (cardinality(${opportunities.audiences}) = 0 or ${s.audience} = any(${opportunities.audiences}))
        and (${opportunities.minimumAge} is null or (${s.dateOfBirth}::date is not null and ${s.dateOfBirth}::date <= (coalesce(${opportunities.startsOn}, ${s.today}::date) - make_interval(years => ${opportunities.minimumAge}))::date))
    ), page as (
      select * from ranked ${keyset(cursor)} order by ranked.score desc, ranked.id limit ${limit + 1}
    )
    select ${opportunities.id} as id, ${opportunities.title} as title, ${opportunities.kind} as kind, ${opportunities.employerId} as "employerId",
      ${organizations.name} as "employerName", ${opportunities.pathway} as pathway, ${opportunities.startsOn}::text as "startsOn",
      ${opportunities.applicationDeadline}::text as "applicationDeadline", ${opportunities.audiences} as audiences, ${opportunities.minimumAge} as "minimumAge",
      ${opportunities.hoursPerWeek} as "hoursPerWeek", skills.matched, skills.evidenced, skills.missing, ${pathwayMatch} as "pathwayMatch", ${fit} as "scheduleFit",
      (select ${applications.status} from ${applications} where ${applications.coalitionId} = ${opportunities.coalitionId} and ${applications.opportunityId} = ${opportunities.id} and ${applications.studentId} = ${s.id}) as "applicationStatus",
      page.score
    from page
    join ${opportunities} on ${opportunities.coalitionId} = ${coalitionId} and ${opportunities.id} = page.id
    join ${organizations} on ${organizations.coalitionId} = ${opportunities.coalitionId} and ${organizations.id} = ${opportunities.employerId}
    left join lateral (
      select array_agg(os.skill_id order by os.importance desc, os.skill_id) filter (where mine.skill_id is not null) as matched,
        array_agg(os.skill_id order by os.importance desc, os.skill_id) filter (where mine.evidenced) as evidenced,
        array_agg(os.skill_id order by os.importance desc, os.skill_id) filter (where mine.skill_id is null) as missing
      from ${opportunitySkills} os left join mine on mine.skill_id = os.skill_id
      where os.coalition_id = ${coalitionId} and os.opportunity_id = page.id and page.overlaps
    ) skills on true
    order by page.score desc, page.id`);
  return result.rows;
}
