import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { applications, opportunities, opportunitySkills, organizations, skills, studentSkills, students } from '../../db/schema.js';
import type { Db, Executor } from '../../db/client.js';
import { runTemplate, type StatementTemplate } from '../../db/statement-template.js';

/**
 * Scoring in SQL over the skill join tables (student_skills ⋈ opportunity_skills on skill_id), so
 * ranking and paging happen in the database at regional scale. A declared-only skill counts 0.8,
 * an evidenced one (course, work-based learning, portfolio) 1: as points, 8 or 10 × importance,
 * integers until the one division (decision 023).
 */
const POINTS = sql`max(case when ${studentSkills.source} = 'declared' then 8 else 10 end)`;
const EVIDENCED = sql`bool_or(${studentSkills.source} <> 'declared')`;

/** How many of the best skill shares are scored first, to find a floor for the page (decision 023). */
const PROBE = 200;
const probeLimit = sql.raw(String(PROBE));

/** 70 × weighted skill share + 20 × same pathway + schedule (10 fits, 5 unknown, 0 does not); share = points / (10 × total). */
function scoreOf(points: SQL, total: SQL, pathwayMatch: SQL, scheduleFit: SQL): SQL {
  return sql`round((7 * coalesce(${points}, 0) / greatest(${total}, 1)::numeric + 20 * (case when ${pathwayMatch} then 1 else 0 end) + (case when ${scheduleFit} is null then 5 when ${scheduleFit} then 10 else 0 end))::numeric, 1)::float8`;
}

/** The most `scoreOf` can give these points (same pathway, schedule fits): read from the skill index alone. */
function boundOf(points: SQL, total: SQL): SQL {
  return sql`round((7 * ${points} / greatest(${total}, 1)::numeric + 30)::numeric, 1)::float8`;
}

/** null = nobody said; otherwise every stated side fits (hours per week, start date). */
function scheduleFit(studentHours: SQL, studentFrom: SQL, neededHours: SQL, startsOn: SQL): SQL {
  const hours = sql`case when ${studentHours} is null or ${neededHours} is null then null else ${studentHours} >= ${neededHours} end`;
  const from = sql`case when ${studentFrom} is null or ${startsOn} is null then null else ${studentFrom} <= ${startsOn} end`;
  return sql`(case when (${hours}) is false or (${from}) is false then false when (${hours}) is null and (${from}) is null then null else true end)`;
}

const audienceOfInstitution = sql`(case ${organizations.type} when 'k12' then 'k12' when 'university' then 'university' else 'college' end)`;

/** A cursor's score and id: values, or placeholders in a template. */
type CursorTerms = [number | SQLWrapper, string | SQLWrapper];

/** Rows after the cursor in (score desc, id) order. */
function after(cursor: CursorTerms | null, score: SQL, id: SQL): SQL {
  return cursor ? sql`(${score} < ${cursor[0]} or (${score} = ${cursor[0]} and ${id} > ${cursor[1]}::uuid))` : sql`true`;
}

/**
 * The score of the (limit + 1)-th best of `probe` after the cursor, else 0: a floor no row of the
 * page can be under, since that many eligible rows already reach it.
 */
function floorOf(cursor: CursorTerms | null, limit: number | SQLWrapper): SQL {
  return sql`select coalesce((select probe.score from probe where ${after(cursor, sql`probe.score`, sql`probe.id`)} order by probe.score desc, probe.id offset ${limit} limit 1), 0)::float8 as score`;
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
  matched: string[] | null;
  evidenced: string[] | null;
  pathwayMatch: boolean;
  scheduleFit: boolean | null;
  applicationStatus: string | null;
  score: number;
};

/** The values a candidates statement takes besides the viewer's (viewerValues): its placeholders' names. */
export interface CandidateValues {
  coalitionId: string;
  opportunityId: string;
  pathway: string | null;
  hoursPerWeek: number | null;
  startsOn: string | null;
  audiences: string[];
  /** Born on or before this date to meet the minimum age at the start (null = no minimum). */
  bornBy: string | null;
  totalImportance: number;
  limit: number;
  /** limit + 1: one more row tells whether a next page exists. */
  pageRows: number;
  cursorScore: number | null;
  cursorId: string | null;
}

const value = (name: keyof CandidateValues) => sql.placeholder(name);

/** Each student's points for the skills asked (req): a skill's holders read from the skill index, streamed per skill. */
function everyHit(coalitionId: SQLWrapper): SQL {
  return sql`select per.student_id, sum(req.importance * per.points) as points
      from req cross join lateral (
        select ${studentSkills.studentId} as student_id, ${POINTS} as points from ${studentSkills}
        where ${studentSkills.coalitionId} = ${coalitionId} and ${studentSkills.skillId} = req.skill_id
        group by ${studentSkills.studentId}
      ) per
      group by per.student_id`;
}

/**
 * The same for the few students a caller may see (`seen`): each one's skills read by student, one
 * index range per student (a lateral join), never the skill index's tens of thousands of holders per
 * skill, which the planner would otherwise pick here as it cannot tell how few students there are.
 */
function pooledHits(coalitionId: SQLWrapper): SQL {
  return sql`select seen.id as student_id, sum(req.importance * per.points) as points
      from seen cross join lateral (
        select ${studentSkills.skillId} as skill_id, ${POINTS} as points from ${studentSkills}
        where ${studentSkills.coalitionId} = ${coalitionId} and ${studentSkills.studentId} = seen.id and ${studentSkills.skillId} in (select req.skill_id from req)
        group by ${studentSkills.skillId}
      ) per join req on req.skill_id = per.skill_id
      group by seen.id`;
}

/**
 * The statement ranking students for an opportunity, among those `visible` lets the caller see,
 * with every value a placeholder (CandidateValues; the viewer's in the fragments), for a template. `visibleIds`, when
 * given, is the same rule as a set of ids (visibleStudentIds: an employer's applicants and sharers,
 * a school's own students), and the ranking starts from it instead of every student.
 * Bounded (decision 023): the best PROBE skill totals are scored first for a floor, then only
 * students whose best possible score reaches it; students without a skill in common (30 at most)
 * only when the floor is 30 or less. Names, skill lists and application status only for the page,
 * whose reading is logged by the same statement.
 */
export function candidatesStatement(
  paged: boolean,
  visible: SQL | undefined,
  visibleIds: SQL | undefined,
  /** A statement logging that the students its argument selects (the page shown) were read; run in the same query. */
  logRead: (ids: SQL) => SQL,
): SQL {
  const coalitionId = value('coalitionId');
  const limit = value('limit');
  const cursor: CursorTerms | null = paged ? [value('cursorScore'), value('cursorId')] : null;
  const pathwayMatch = sql`(${value('pathway')}::text is not null and lower(${students.pathway}) = lower(${value('pathway')}::text))`;
  const fit = scheduleFit(sql`${students.hoursPerWeek}`, sql`${students.availableFrom}`, sql`${value('hoursPerWeek')}::int`, sql`${value('startsOn')}::date`);
  const total = sql`${value('totalImportance')}::int`;
  const amongSeen = visibleIds ? sql`and ${students.id} in (select seen.id from seen)` : sql``;
  const fits = sql`(cardinality(${value('audiences')}::text[]) = 0 or ${audienceOfInstitution} = any(${value('audiences')}::text[]))
    and (${value('bornBy')}::date is null or ${students.dateOfBirth} <= ${value('bornBy')}::date)`;
  const eligible = sql`${fits} and ${visible ?? sql`true`}`;
  // Students from the visible set (seen) need no check of the predicate in the hits, probe and ranking.
  const eligibleHit = visibleIds ? fits : eligible;
  const student = sql`${students}
    join ${organizations} on ${organizations.coalitionId} = ${students.coalitionId} and ${organizations.id} = ${students.institutionId}`;
  return sql`
    with req as (
      select ${opportunitySkills.skillId} as skill_id, ${opportunitySkills.importance} as importance from ${opportunitySkills}
      where ${opportunitySkills.coalitionId} = ${coalitionId} and ${opportunitySkills.opportunityId} = ${value('opportunityId')}
    )${visibleIds ? sql`, seen as (${visibleIds})` : sql``}, hits as (${visibleIds ? pooledHits(coalitionId) : everyHit(coalitionId)}
    ), probe as (
      select ${students.id} as id, ${scoreOf(sql`best.points`, total, pathwayMatch, fit)} as score
      from (select * from hits order by hits.points desc, hits.student_id limit ${probeLimit}) best
      join ${student} on ${students.coalitionId} = ${coalitionId} and ${students.id} = best.student_id
      where ${eligibleHit}
    ), floor as (${floorOf(cursor, limit)}
    ), ranked as (
      select ${students.id} as id, ${scoreOf(sql`hits.points`, total, pathwayMatch, fit)} as score
      from hits cross join floor
      join ${student} on ${students.coalitionId} = ${coalitionId} and ${students.id} = hits.student_id
      where ${boundOf(sql`hits.points`, total)} >= floor.score and (hits.points > 0 or ${pathwayMatch}) and ${eligibleHit}
      union all
      select ${students.id}, ${scoreOf(sql`null::int`, total, pathwayMatch, fit)}
      from floor cross join ${student}
      where floor.score <= 30 and ${students.coalitionId} = ${coalitionId} ${amongSeen} and ${pathwayMatch}
        and not exists (select 1 from hits where hits.student_id = ${students.id}) and ${visibleIds ? fits : eligible}
    ), page as (
      select * from ranked where ${after(cursor, sql`ranked.score`, sql`ranked.id`)} order by ranked.score desc, ranked.id limit ${value('pageRows')}
    ), logged as (${logRead(sql`select page.id from page order by page.score desc, page.id limit ${limit}`)}
    )
    select ${students.id} as id, ${students.personId} as "personId", ${students.firstName} as "firstName", ${students.lastName} as "lastName",
      ${students.pathway} as pathway, ${students.graduationYear} as "graduationYear", ${organizations.name} as "institutionName",
      ${students.hoursPerWeek} as "hoursPerWeek", ${students.availableFrom}::text as "availableFrom",
      matched_skills.matched, matched_skills.evidenced, ${pathwayMatch} as "pathwayMatch", ${fit} as "scheduleFit",
      (select ${applications.status} from ${applications} where ${applications.coalitionId} = ${students.coalitionId} and ${applications.studentId} = ${students.id} and ${applications.opportunityId} = ${value('opportunityId')}) as "applicationStatus",
      page.score
    from page
    join ${student} on ${students.coalitionId} = ${coalitionId} and ${students.id} = page.id
    left join lateral (
      select array_agg(mine.skill_id order by req.importance desc, mine.skill_id) as matched,
        array_agg(mine.skill_id order by req.importance desc, mine.skill_id) filter (where mine.evidenced) as evidenced
      from (
        select ${studentSkills.skillId} as skill_id, ${EVIDENCED} as evidenced from ${studentSkills}
        where ${studentSkills.coalitionId} = ${coalitionId} and ${studentSkills.studentId} = page.id and ${studentSkills.skillId} in (select req.skill_id from req)
        group by ${studentSkills.skillId}
      ) mine join req on req.skill_id = mine.skill_id
      having count(*) > 0
    ) matched_skills on true
    order by page.score desc, page.id`;
}

/** Runs a candidates template (candidatesStatement) with its values and the viewer's. */
export async function rankCandidates(db: Db, statement: StatementTemplate, values: CandidateValues & Record<string, unknown>): Promise<CandidateRow[]> {
  return runTemplate<CandidateRow, typeof values>(db, statement, values);
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
  /** Skill names, most important first. */
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
 * Bounded as candidates are: shares come from the skill index (importance and the opportunity's
 * total), the best PROBE shares are scored for a floor, then only opportunities that can reach it.
 */
export async function rankMatches(
  db: Executor,
  coalitionId: string,
  s: StudentTerms,
  limit: number,
  cursor: [number, string] | null,
  /** A statement logging that the student's record was read; run in the same query. */
  logRead: SQL,
): Promise<MatchRow[]> {
  const pathwayMatch = sql`(${s.pathway}::text is not null and lower(${opportunities.pathway}) = lower(${s.pathway}::text))`;
  const fit = scheduleFit(sql`${s.hoursPerWeek}::int`, sql`${s.availableFrom}::date`, sql`${opportunities.hoursPerWeek}`, sql`${opportunities.startsOn}`);
  const eligible = sql`${opportunities.status} = 'open'
    and (${opportunities.applicationDeadline} is null or ${opportunities.applicationDeadline} >= ${s.today}::date)
    and (cardinality(${opportunities.audiences}) = 0 or ${s.audience} = any(${opportunities.audiences}))
    and (${opportunities.minimumAge} is null or (${s.dateOfBirth}::date is not null and ${s.dateOfBirth}::date <= (coalesce(${opportunities.startsOn}, ${s.today}::date) - make_interval(years => ${opportunities.minimumAge}))::date))`;
  const result = await db.execute<MatchRow>(sql`
    with mine as (
      select ${studentSkills.skillId} as skill_id, ${POINTS} as points, ${EVIDENCED} as evidenced from ${studentSkills}
      where ${studentSkills.coalitionId} = ${coalitionId} and ${studentSkills.studentId} = ${s.id} group by ${studentSkills.skillId}
    ), hits as (
      select ${opportunitySkills.opportunityId} as id, sum(${opportunitySkills.importance} * mine.points) as points, max(${opportunitySkills.opportunityTotal}) as total
      from mine join ${opportunitySkills} on ${opportunitySkills.coalitionId} = ${coalitionId} and ${opportunitySkills.skillId} = mine.skill_id
      group by ${opportunitySkills.opportunityId}
    ), probe as (
      select ${opportunities.id} as id, ${scoreOf(sql`best.points`, sql`best.total`, pathwayMatch, fit)} as score
      from (select * from hits order by hits.points::numeric / greatest(hits.total, 1) desc, hits.id limit ${probeLimit}) best
      join ${opportunities} on ${opportunities.coalitionId} = ${coalitionId} and ${opportunities.id} = best.id
      where ${eligible}
    ), floor as (${floorOf(cursor, limit)}
    ), ranked as (
      select ${opportunities.id} as id, true as overlaps, ${scoreOf(sql`hits.points`, sql`hits.total`, pathwayMatch, fit)} as score
      from hits cross join floor
      join ${opportunities} on ${opportunities.coalitionId} = ${coalitionId} and ${opportunities.id} = hits.id
      where ${boundOf(sql`hits.points`, sql`hits.total`)} >= floor.score and (hits.points > 0 or ${pathwayMatch}) and ${eligible}
      union all
      select ${opportunities.id}, false, ${scoreOf(sql`null::int`, sql`1`, pathwayMatch, fit)}
      from floor cross join ${opportunities}
      where floor.score <= 30 and ${opportunities.coalitionId} = ${coalitionId} and ${pathwayMatch}
        and not exists (select 1 from hits where hits.id = ${opportunities.id}) and ${eligible}
    ), page as (
      select * from ranked where ${after(cursor, sql`ranked.score`, sql`ranked.id`)} order by ranked.score desc, ranked.id limit ${limit + 1}
    ), logged as (${logRead}
    )
    select ${opportunities.id} as id, ${opportunities.title} as title, ${opportunities.kind} as kind, ${opportunities.employerId} as "employerId",
      ${organizations.name} as "employerName", ${opportunities.pathway} as pathway, ${opportunities.startsOn}::text as "startsOn",
      ${opportunities.applicationDeadline}::text as "applicationDeadline", ${opportunities.audiences} as audiences, ${opportunities.minimumAge} as "minimumAge",
      ${opportunities.hoursPerWeek} as "hoursPerWeek", matched_skills.matched, matched_skills.evidenced, matched_skills.missing, ${pathwayMatch} as "pathwayMatch", ${fit} as "scheduleFit",
      (select ${applications.status} from ${applications} where ${applications.coalitionId} = ${opportunities.coalitionId} and ${applications.opportunityId} = ${opportunities.id} and ${applications.studentId} = ${s.id}) as "applicationStatus",
      page.score
    from page
    join ${opportunities} on ${opportunities.coalitionId} = ${coalitionId} and ${opportunities.id} = page.id
    join ${organizations} on ${organizations.coalitionId} = ${opportunities.coalitionId} and ${organizations.id} = ${opportunities.employerId}
    left join lateral (
      select array_agg(named.name order by os.importance desc, os.skill_id) filter (where mine.skill_id is not null) as matched,
        array_agg(named.name order by os.importance desc, os.skill_id) filter (where mine.evidenced) as evidenced,
        array_agg(named.name order by os.importance desc, os.skill_id) filter (where mine.skill_id is null) as missing
      from ${opportunitySkills} os join ${skills} named on named.id = os.skill_id left join mine on mine.skill_id = os.skill_id
      where os.coalition_id = ${coalitionId} and os.opportunity_id = page.id and page.overlaps
    ) matched_skills on true
    order by page.score desc, page.id`);
  return result.rows;
}
