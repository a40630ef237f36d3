import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { coalitions, organizations, people, skills } from '../../db/schema.js';
import { newId } from '../../platform/auth/secrets.js';
import { AppError } from '../../platform/errors.js';
import { cells, registerImporter } from '../../platform/imports/importers.js';
import { lockById, SetCheckedKeys, type SetCheckedPlan } from '../../platform/imports/set-checked-keys.js';
import { dateCell, organizationsByName } from '../opportunities/index.js';
import { resolveSkillNames } from '../skills/skill-names.js';
import { studentEquity, studentSkills, students } from './students.table.js';

type Errors = { column: string; message: string }[];

interface StudentRecord {
  externalId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  institutionId: string;
  pathway: string | null;
  graduationYear: number | null;
  dateOfBirth: string | null;
  hoursPerWeek: number | null;
  availableFrom: string | null;
  skills: string[];
  equity: { firstGeneration: boolean | null; lowIncome: boolean | null; noFourYearDegreePath: boolean | null; careerChanger: boolean | null } | null;
}

const SCHOOL_TYPES = ['k12', 'college', 'university'];
const equityColumns = { first_generation: 'firstGeneration', low_income: 'lowIncome', no_four_year_degree_path: 'noFourYearDegreePath', career_changer: 'careerChanger' } as const;

const equityKeys = Object.keys(equityColumns);

function atMost(max: number, column: string, value: string, errors: Errors) {
  if (value.length > max) errors.push({ column, message: `At most ${max} characters` });
}

/** Today (UTC) as YYYY-MM-DD, made at most once a second: every row with a date of birth is checked against it. */
let todayAsOf = { second: -1, date: '' };
function today(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== todayAsOf.second) todayAsOf = { second, date: new Date(second * 1000).toISOString().slice(0, 10) };
  return todayAsOf.date;
}

function yesNo(values: Record<string, string>, column: string, errors: Errors): boolean | null {
  const value = (values[column] ?? '').toLowerCase();
  if (!value) return null;
  if (['yes', 'y', 'true', '1'].includes(value)) return true;
  if (['no', 'n', 'false', '0'].includes(value)) return false;
  errors.push({ column, message: `Yes or no, or leave empty: "${values[column]}"` });
  return null;
}

/**
 * CONTRACT `students`: external_id,first_name,last_name,email,institution,pathway,skills,graduation_year
 * (skills separated by ";"). Optional: date_of_birth, hours_per_week, available_from, and the
 * self-reported first_generation, low_income, no_four_year_degree_path, career_changer (yes/no).
 * Imported skills are the student's declared ones; a re-import replaces them.
 */
registerImporter<StudentRecord, Map<string, { id: string; type: string }>>({
  kind: 'students',
  analyze: ['organizations', 'people', 'skills', 'students', 'student_skills', 'student_equity'],
  action: 'student.import',
  description: 'Students: external_id,first_name,last_name,email,institution,pathway,skills,graduation_year (skills separated by ";"). Optional: date_of_birth, hours_per_week, available_from, first_generation, low_income, no_four_year_degree_path, career_changer (yes/no)',
  requiredColumns: ['external_id', 'first_name', 'last_name', 'email', 'institution', 'pathway', 'skills', 'graduation_year'],
  prepare: organizationsByName,
  validate(values, orgs) {
    const errors: Errors = [];
    const externalId = cells.required(values, 'external_id', errors);
    const firstName = cells.required(values, 'first_name', errors);
    const lastName = cells.required(values, 'last_name', errors);
    atMost(100, 'external_id', externalId, errors);
    atMost(100, 'first_name', firstName, errors);
    atMost(100, 'last_name', lastName, errors);
    atMost(100, 'pathway', values.pathway ?? '', errors);
    const email = (values.email ?? '').toLowerCase() || null;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ column: 'email', message: `Not an e-mail address: "${values.email}"` });
    const institutionName = cells.required(values, 'institution', errors);
    const institution = institutionName ? orgs.get(institutionName.toLowerCase()) : undefined;
    if (institutionName && !institution) errors.push({ column: 'institution', message: `No organization named "${institutionName}" in this coalition` });
    else if (institution && !SCHOOL_TYPES.includes(institution.type)) errors.push({ column: 'institution', message: `"${institutionName}" is not a school, college or university` });
    const skills = (values.skills ?? '').split(';').map((s) => s.trim()).filter(Boolean);
    if (skills.some((s) => s.length > 120)) errors.push({ column: 'skills', message: 'A skill name has more than 120 characters' });
    if (new Set(skills.map((s) => s.toLowerCase())).size !== skills.length) errors.push({ column: 'skills', message: 'A skill is listed twice' });
    const graduationYear = cells.integer(values, 'graduation_year', errors, { min: 1950, optional: true });
    if (graduationYear !== null && graduationYear > 2100) errors.push({ column: 'graduation_year', message: 'Must be at most 2100' });
    const dateOfBirth = dateCell(values, 'date_of_birth', errors);
    if (dateOfBirth && dateOfBirth > today()) errors.push({ column: 'date_of_birth', message: 'In the future' });
    const hoursPerWeek = cells.integer(values, 'hours_per_week', errors, { min: 0, optional: true });
    if (hoursPerWeek !== null && hoursPerWeek > 80) errors.push({ column: 'hours_per_week', message: 'Must be at most 80' });
    // Columns absent from the file leave what the student reported alone.
    const equity = equityKeys.some((c) => c in values) ? (Object.fromEntries(Object.entries(equityColumns).map(([column, key]) => [key, yesNo(values, column, errors)])) as NonNullable<StudentRecord['equity']>) : null;
    const record: StudentRecord = {
      externalId,
      firstName,
      lastName,
      email,
      institutionId: institution?.id ?? '',
      pathway: values.pathway || null,
      graduationYear,
      dateOfBirth,
      hoursPerWeek,
      availableFrom: dateCell(values, 'available_from', errors),
      skills,
      equity,
    };
    return errors.length > 0 ? { errors } : { ok: record };
  },
  keyOf: (r) => `external_id ${r.externalId}`,
  write: writeStudents,
});

/**
 * Skill names already resolved in this import (lower-case name → id), per transaction: a file names
 * the same few dozen skills in every batch, and one lookup of each is enough. Dropped with the
 * transaction, so a skill created by an import that rolls back is never remembered.
 */
const resolvedInImport = new WeakMap<Executor, Map<string, string>>();

async function writeStudents(tx: Executor, coalitionId: string, records: StudentRecord[]) {
  const skillIdOf = await skillIdsOf(tx, records);
  // One statement finds the records that exist (by external_id) and the accounts new records link
  // to (student-role people with the same e-mail and no record yet). Sent now (then() starts it)…
  const emails = records.map((r) => r.email).filter((e): e is string => e !== null);
  const lookup = tx
    .execute<{ kind: 'student' | 'person'; id: string; key: string }>(
      sql`select 'student' as kind, ${students.id} as id, ${students.externalId} as key from ${students}
        where ${students.coalitionId} = ${coalitionId} and ${students.externalId} = any(${arrayLiteral(records.map((r) => r.externalId))}::text[])
      union all
      select 'person', ${people.id}, lower(${people.email}) from ${people}
        where ${people.coalitionId} = ${coalitionId} and lower(${people.email}) = any(${arrayLiteral(emails)}::text[]) and 'student' = any(${people.roles})
          and not exists (select 1 from ${students} where ${students.coalitionId} = ${people.coalitionId} and ${students.personId} = ${people.id})`,
    )
    .then((result) => result.rows);
  // …and meanwhile what inserting the batch as new records (a first import) needs is written out.
  const draftIfAllNew = draftNew(records, skillIdOf);
  const found = await lookup;
  const existing = found.filter((row) => row.kind === 'student').map((row) => ({ id: row.id, externalId: row.key }));
  const linkable = found.filter((row) => row.kind === 'person').map((row) => ({ id: row.id, email: row.key }));
  const idOf = new Map(existing.map((row) => [row.externalId, row.id]));
  const personOf = new Map(linkable.map((p) => [p.email, p.id]));

  // New records (the bulk of a first import) and records whose external_id exists (a re-import):
  // each a few set-based statements for the whole batch.
  const fresh = records.filter((r) => !idOf.has(r.externalId));
  if (fresh.length > 0) await insertNew(tx, coalitionId, fresh.length === records.length ? draftIfAllNew : draftNew(fresh, skillIdOf), personOf);
  const known = records.filter((r) => idOf.has(r.externalId)).map((record) => ({ id: idOf.get(record.externalId)!, record }));
  const updated = known.length > 0 ? (await updateExisting(tx, coalitionId, known, skillIdOf)).size : 0;
  return { created: fresh.length, updated, unchanged: known.length - updated };
}

/** Lower-case name → id of every skill the records name, the ones this import has not met yet resolved (and created) first. */
async function skillIdsOf(tx: Executor, records: StudentRecord[]): Promise<Map<string, string>> {
  const skillIdOf = resolvedInImport.get(tx) ?? new Map<string, string>();
  resolvedInImport.set(tx, skillIdOf);
  const unresolved = [...new Map(records.flatMap((r) => r.skills.map((s) => [s.toLowerCase(), s] as const))).values()].filter((name) => !skillIdOf.has(name.toLowerCase()));
  const resolved = await resolveSkillNames(tx, unresolved, 'skills');
  unresolved.forEach((name, i) => skillIdOf.set(name.toLowerCase(), resolved[i]!.id));
  return skillIdOf;
}

type Keyed = { id: string; record: StudentRecord };

/** The columns of `students` a record sets besides its keys, in the order of `recordColumns`'s arrays: shared by the insert and the update. */
const recordColumns: readonly (readonly [name: string, type: string, pick: (r: StudentRecord) => unknown])[] = [
  ['first_name', 'text', (r) => r.firstName],
  ['last_name', 'text', (r) => r.lastName],
  ['email', 'text', (r) => r.email],
  ['institution_id', 'uuid', (r) => r.institutionId],
  ['pathway', 'text', (r) => r.pathway],
  ['graduation_year', 'int', (r) => r.graduationYear],
  ['date_of_birth', 'date', (r) => r.dateOfBirth],
  ['hours_per_week', 'int', (r) => r.hoursPerWeek],
  ['available_from', 'date', (r) => r.availableFrom],
];
const recordColumnNames = recordColumns.map(([name]) => name);

/** A column for unnestAs: its values, or them already written as an array literal (arrayLiteral). */
type ArrayColumn = readonly [name: string, type: string, values: unknown[] | string];

/**
 * Values as a PostgreSQL array literal ({"a","b",NULL}), as node-postgres would send them. Written
 * here so it can be done while the connection is busy with something else, rather than when the
 * statement is sent, with the database waiting.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = 'NULL';
    else {
      const text = String(value);
      // Most values (ids, names, numbers, dates) have nothing to escape, and a search is cheaper than a replace.
      parts[i] = text.includes('"') || text.includes('\\') ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

/** `unnest($1::type[], …) as v(name, …)`: one array parameter per column, read as rows named v. */
function unnestAs(columns: readonly ArrayColumn[]): SQL {
  const arrays = columns.map(([, type, values]) => sql`${typeof values === 'string' ? values : arrayLiteral(values)}::${sql.raw(type)}[]`);
  return sql`unnest(${sql.join(arrays, sql`, `)}) as v(${sql.raw(columns.map(([name]) => name).join(', '))})`;
}

/** The record columns of `records` as array columns, for unnestAs. */
const recordArrays = (records: StudentRecord[]): ArrayColumn[] => recordColumns.map(([name, type, pick]) => [name, type, arrayLiteral(records.map((r) => pick(r)))] as const);

/**
 * Records whose external_id exists: the students that differ updated (updated_at too), the declared
 * skills replaced for those whose set differs, the equity answers upserted where they differ, each
 * one statement for the batch. Returns the ids of the students any of them changed.
 */
async function updateExisting(tx: Executor, coalitionId: string, known: Keyed[], skillIdOf: Map<string, string>): Promise<Set<string>> {
  const changed = new Set<string>();
  const records = known.map((k) => k.record);
  const set = recordColumnNames.map((name) => sql.raw(`${name} = v.${name}`));
  const theirs = sql.raw(recordColumnNames.map((name) => `s.${name}`).join(', '));
  const given = sql.raw(recordColumnNames.map((name) => `v.${name}`).join(', '));
  const rows = await tx.execute<{ id: string }>(sql`
    update ${students} as s set ${sql.join(set, sql`, `)}, updated_at = ${new Date().toISOString()}::timestamptz
    from ${unnestAs([['id', 'uuid', known.map((k) => k.id)], ...recordArrays(records)])}
    where s.coalition_id = ${coalitionId}::uuid and s.id = v.id and row(${theirs}) is distinct from row(${given})
    returning s.id`);
  for (const { id } of rows.rows) changed.add(id);

  // Declared skills: students whose declared set differs from the file's (a row on one side only)
  // lose their declared rows here and get the file's below.
  const pairs = declaredPairs(known, skillIdOf);
  const differ = await tx.execute<{ student_id: string }>(sql`
    with given as (select * from ${unnestAs([['student_id', 'uuid', pairs.studentIds], ['skill_id', 'text', pairs.skillIds]])}),
      had as (
        select student_id, skill_id from ${studentSkills}
        where coalition_id = ${coalitionId}::uuid and student_id = any(${sql.param(known.map((k) => k.id))}::uuid[]) and source = 'declared'),
      differ as (
        select distinct coalesce(had.student_id, given.student_id) as student_id
        from had full join given on given.student_id = had.student_id and given.skill_id = had.skill_id
        where had.student_id is null or given.student_id is null),
      gone as (
        delete from ${studentSkills} as ss using differ
        where ss.coalition_id = ${coalitionId}::uuid and ss.student_id = differ.student_id and ss.source = 'declared')
    select student_id from differ`);
  const reskilled = new Set(differ.rows.map((r) => r.student_id));
  if (reskilled.size > 0) await insertDeclared(tx, coalitionId, declaredPairs(known.filter((k) => reskilled.has(k.id)), skillIdOf));
  for (const id of reskilled) changed.add(id);

  for (const id of await upsertEquity(tx, coalitionId, known)) changed.add(id);
  return changed;
}

/** The declared (student, skill) rows of the records, as two parallel arrays. */
function declaredPairs(keyed: Keyed[], skillIdOf: Map<string, string>) {
  const studentIds: string[] = [];
  const skillIds: string[] = [];
  for (const { id, record } of keyed) {
    for (const name of record.skills) {
      studentIds.push(id);
      skillIds.push(skillIdOf.get(name.toLowerCase())!);
    }
  }
  return { studentIds, skillIds };
}

/** The (student, skill) pairs as array columns for unnestAs. */
const pairColumns = ({ studentIds, skillIds }: { studentIds: string[] | string; skillIds: string[] | string }): ArrayColumn[] => [
  ['student_id', 'uuid', studentIds],
  ['skill_id', 'text', skillIds],
];

/** Inserts the declared rows; with `ofStudentsIn`, only those of the students it selects. */
const declaredInsert = (coalitionId: string, pairs: readonly ArrayColumn[], ofStudentsIn?: SQL) => sql`
    insert into ${studentSkills} (coalition_id, student_id, skill_id, source, ref)
    select ${coalitionId}::uuid, v.student_id, v.skill_id, 'declared', '' from ${unnestAs(pairs)}${ofStudentsIn ? sql` where v.student_id in (${ofStudentsIn})` : sql``}`;

async function insertDeclared(tx: Executor, coalitionId: string, pairs: ReturnType<typeof declaredPairs>) {
  if (pairs.skillIds.length > 0) await tx.execute(declaredInsert(coalitionId, pairColumns(pairs)));
}

/**
 * The equity answers of the records that carry equity columns: inserted, or updated where they
 * differ. Returns the students whose row was inserted or changed.
 */
async function upsertEquity(tx: Executor, coalitionId: string, keyed: Keyed[]): Promise<string[]> {
  const withEquity = keyed.filter((k) => k.record.equity !== null);
  if (withEquity.length === 0) return [];
  const columns = Object.entries(equityColumns).map(([name, key]) => [name, 'boolean', withEquity.map((k) => k.record.equity![key])] as const);
  const names = columns.map(([name]) => name).join(', ');
  const rows = await tx.execute<{ student_id: string }>(sql`
    insert into ${studentEquity} as e (coalition_id, student_id, ${sql.raw(names)})
    select ${coalitionId}::uuid, v.* from ${unnestAs([['student_id', 'uuid', withEquity.map((k) => k.id)], ...columns])}
    on conflict (coalition_id, student_id) do update set (${sql.raw(names)}) = row(${sql.raw(columns.map(([name]) => `excluded.${name}`).join(', '))})
    where row(${sql.raw(columns.map(([name]) => `e.${name}`).join(', '))}) is distinct from row(${sql.raw(columns.map(([name]) => `excluded.${name}`).join(', '))})
    returning e.student_id`);
  return rows.rows.map((r) => r.student_id);
}

/** What inserting records as new students needs that no lookup decides: their ids, columns and declared skills, written out. */
function draftNew(records: StudentRecord[], skillIdOf: Map<string, string>) {
  const keyed = records.map((record) => ({ id: newId(), record }));
  const columns: ArrayColumn[] = [['id', 'uuid', arrayLiteral(keyed.map((k) => k.id))], ['external_id', 'text', arrayLiteral(records.map((r) => r.externalId))], ...recordArrays(records)];
  const pairs = declaredPairs(keyed, skillIdOf);
  return {
    keyed,
    columns,
    skillCount: pairs.skillIds.length,
    pairs: pairColumns({ studentIds: arrayLiteral(pairs.studentIds), skillIds: arrayLiteral(pairs.skillIds) }),
    skillIds: new Set(pairs.skillIds),
    institutionIds: new Set(records.map((r) => r.institutionId)),
  };
}

/**
 * Every foreign key of students and student_skills, for a first import's insert (decision 037): the
 * coalition, institutions, linked accounts and skills are locked as sets; a declared skill points at
 * a student the same statement inserts, and the statement counts that each did.
 */
export const newStudentKeys: SetCheckedPlan<'students_coalition_id_coalitions_id_fk' | 'students_institution_fk' | 'students_person_fk' | 'student_skills_skill_id_skills_id_fk'> = {
  tables: ['students', 'student_skills'],
  parents: {
    students_coalition_id_coalitions_id_fk: { noun: 'coalition', lock: lockById(coalitions, coalitions.id) },
    students_institution_fk: { noun: 'institution', lock: lockById(organizations, organizations.id, organizations.coalitionId) },
    students_person_fk: { noun: 'person', lock: lockById(people, people.id, people.coalitionId) },
    student_skills_skill_id_skills_id_fk: { noun: 'skill', lock: lockById(skills, skills.id) },
  },
  withinStatement: ['student_skills_student_fk'],
};

/**
 * Inserts records no student has yet: the students with their declared skills, then their equity
 * answers, over arrays (unnest), linking a record to the student account with its e-mail as the
 * row-by-row path did.
 */
async function insertNew(tx: Executor, coalitionId: string, draft: ReturnType<typeof draftNew>, personOf: Map<string, string>) {
  const personIds = draft.keyed.map(({ record: r }) => {
    const personId = r.email ? (personOf.get(r.email) ?? null) : null;
    if (personId) personOf.delete(r.email!);
    return personId;
  });
  const columns: ArrayColumn[] = [...draft.columns, ['person_id', 'uuid', personIds]];
  // Students and their declared skills in one statement (one round trip). With the row checks on,
  // the skills' checks run at its end, when the students are there.
  const statement = sql`
    with new_students as (
      insert into ${students} (coalition_id, ${sql.raw(columns.map(([name]) => name).join(', '))})
      select ${coalitionId}::uuid, v.* from ${unnestAs(columns)}
      returning id
    )${draft.skillCount > 0 ? sql`, new_skills as (${declaredInsert(coalitionId, draft.pairs, sql`select id from new_students`)} returning 1)` : sql``}
    select ${draft.skillCount > 0 ? sql`(select count(*) from new_skills)::int` : sql`0`} as skills`;
  const keys = await SetCheckedKeys.open(tx, newStudentKeys, coalitionId);
  const parents = {
    students_coalition_id_coalitions_id_fk: [coalitionId],
    students_institution_fk: draft.institutionIds,
    students_person_fk: personIds.filter((id): id is string => id !== null),
    student_skills_skill_id_skills_id_fk: draft.skillIds,
  };
  const { rows } = keys ? await keys.insert<{ skills: number }>(parents, statement) : await tx.execute<{ skills: number }>(statement);
  if (rows[0]!.skills !== draft.skillCount) throw new AppError('internal', 'A declared skill was not written with its student');
  await upsertEquity(tx, coalitionId, draft.keyed);
}
