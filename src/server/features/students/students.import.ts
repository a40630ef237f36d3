import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { people } from '../../db/schema.js';
import { newId } from '../../platform/auth/secrets.js';
import { cells, registerImporter } from '../../platform/imports/importers.js';
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
    for (const [column, value, max] of [['external_id', externalId, 100], ['first_name', firstName, 100], ['last_name', lastName, 100], ['pathway', values.pathway ?? '', 100]] as const) {
      if (value.length > max) errors.push({ column, message: `At most ${max} characters` });
    }
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
    if (dateOfBirth && dateOfBirth > new Date().toISOString().slice(0, 10)) errors.push({ column: 'date_of_birth', message: 'In the future' });
    const hoursPerWeek = cells.integer(values, 'hours_per_week', errors, { min: 0, optional: true });
    if (hoursPerWeek !== null && hoursPerWeek > 80) errors.push({ column: 'hours_per_week', message: 'Must be at most 80' });
    const equityValues = Object.fromEntries(Object.entries(equityColumns).map(([column, key]) => [key, yesNo(values, column, errors)])) as NonNullable<StudentRecord['equity']>;
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
      // Columns absent from the file leave what the student reported alone.
      equity: Object.keys(equityColumns).some((c) => c in values) ? equityValues : null,
    };
    return errors.length > 0 ? { errors } : { ok: record };
  },
  keyOf: (r) => `external_id ${r.externalId}`,
  write: writeStudents,
});

async function writeStudents(tx: Executor, coalitionId: string, records: StudentRecord[]) {
  const existing = await tx.select().from(students).where(and(eq(students.coalitionId, coalitionId), inArray(students.externalId, records.map((r) => r.externalId))));
  const byExternalId = new Map(existing.map((row) => [row.externalId!, row]));
  const declared = existing.length
    ? await tx.select().from(studentSkills).where(and(eq(studentSkills.coalitionId, coalitionId), inArray(studentSkills.studentId, existing.map((e) => e.id)), eq(studentSkills.source, 'declared')))
    : [];
  const names = [...new Map(records.flatMap((r) => r.skills.map((s) => [s.toLowerCase(), s] as const))).values()];
  const resolved = await resolveSkillNames(tx, names, 'skills');
  const skillIdOf = new Map(names.map((name, i) => [name.toLowerCase(), resolved[i]!.id]));
  // Accounts to link new records to: student-role people with the same e-mail and no record yet.
  const emails = records.map((r) => r.email).filter((e): e is string => e !== null);
  const linkable = emails.length
    ? await tx
        .select({ id: people.id, email: sql<string>`lower(${people.email})` })
        .from(people)
        .where(and(eq(people.coalitionId, coalitionId), sql`lower(${people.email}) = any(${sql.param(emails)}::text[])`, sql`'student' = any(${people.roles})`, sql`not exists (select 1 from ${students} where ${students.coalitionId} = ${people.coalitionId} and ${students.personId} = ${people.id})`))
    : [];
  const personOf = new Map(linkable.map((p) => [p.email, p.id]));

  // New records (the bulk of a first import): three set-based statements for the whole batch.
  const fresh = records.filter((r) => !byExternalId.has(r.externalId));
  if (fresh.length > 0) await insertNew(tx, coalitionId, fresh, skillIdOf, personOf);

  let updated = 0;
  for (const { skills, equity, ...record } of records) {
    const before = byExternalId.get(record.externalId);
    if (!before) continue;
    const skillIds = skills.map((s) => skillIdOf.get(s.toLowerCase())!);
    const id = before.id;
    const [row] = await tx
      .update(students)
      .set({ ...record, updatedAt: new Date() })
      .where(and(eq(students.coalitionId, coalitionId), eq(students.id, id), sql`row(${students.firstName}, ${students.lastName}, ${students.email}, ${students.institutionId}, ${students.pathway}, ${students.graduationYear}, ${students.dateOfBirth}::text, ${students.hoursPerWeek}, ${students.availableFrom}::text) is distinct from row(${record.firstName}, ${record.lastName}, ${record.email}, ${record.institutionId}::uuid, ${record.pathway}, ${record.graduationYear}::int, ${record.dateOfBirth}::text, ${record.hoursPerWeek}::int, ${record.availableFrom}::text)`))
      .returning({ id: students.id });
    let changed = Boolean(row);
    const had = declared.filter((s) => s.studentId === id).map((s) => s.skillId).sort();
    if (had.join('|') !== [...skillIds].sort().join('|')) {
      await tx.delete(studentSkills).where(and(eq(studentSkills.coalitionId, coalitionId), eq(studentSkills.studentId, id), eq(studentSkills.source, 'declared')));
      changed = true;
      if (skillIds.length > 0) await tx.insert(studentSkills).values(skillIds.map((skillId) => ({ coalitionId, studentId: id, skillId, source: 'declared', ref: '' })));
    }
    if (equity) {
      const [upserted] = await tx
        .insert(studentEquity)
        .values({ coalitionId, studentId: id, ...equity })
        .onConflictDoUpdate({
          target: [studentEquity.coalitionId, studentEquity.studentId],
          set: equity,
          setWhere: sql`row(${studentEquity.firstGeneration}, ${studentEquity.lowIncome}, ${studentEquity.noFourYearDegreePath}, ${studentEquity.careerChanger}) is distinct from row(${equity.firstGeneration}::boolean, ${equity.lowIncome}::boolean, ${equity.noFourYearDegreePath}::boolean, ${equity.careerChanger}::boolean)`,
        })
        .returning({ id: studentEquity.studentId });
      if (upserted) changed = true;
    }
    if (changed) updated++;
  }
  return { created: fresh.length, updated, unchanged: records.length - fresh.length - updated };
}

/**
 * Inserts records no student has yet: the students, their declared skills and their equity answers,
 * each as one statement over arrays (unnest), linking a record to the student account with its
 * e-mail as the row-by-row path did.
 */
async function insertNew(tx: Executor, coalitionId: string, records: StudentRecord[], skillIdOf: Map<string, string>, personOf: Map<string, string>) {
  const ids = records.map(() => newId());
  const personIds = records.map((r) => {
    const personId = r.email ? (personOf.get(r.email) ?? null) : null;
    if (personId) personOf.delete(r.email!);
    return personId;
  });
  const column = <T>(pick: (r: StudentRecord) => T) => sql.param(records.map(pick));
  await tx.execute(sql`
    insert into ${students} (coalition_id, id, person_id, first_name, last_name, email, institution_id, pathway, graduation_year, date_of_birth, hours_per_week, available_from, external_id)
    select ${coalitionId}::uuid, v.* from unnest(${sql.param(ids)}::uuid[], ${sql.param(personIds)}::uuid[], ${column((r) => r.firstName)}::text[], ${column((r) => r.lastName)}::text[],
      ${column((r) => r.email)}::text[], ${column((r) => r.institutionId)}::uuid[], ${column((r) => r.pathway)}::text[], ${column((r) => r.graduationYear)}::int[],
      ${column((r) => r.dateOfBirth)}::date[], ${column((r) => r.hoursPerWeek)}::int[], ${column((r) => r.availableFrom)}::date[], ${column((r) => r.externalId)}::text[])
      as v(id, person_id, first_name, last_name, email, institution_id, pathway, graduation_year, date_of_birth, hours_per_week, available_from, external_id)`);
  const skillStudents: string[] = [];
  const skillIds: string[] = [];
  records.forEach((r, i) => {
    for (const name of r.skills) {
      skillStudents.push(ids[i]!);
      skillIds.push(skillIdOf.get(name.toLowerCase())!);
    }
  });
  if (skillIds.length > 0) {
    await tx.execute(sql`
      insert into ${studentSkills} (coalition_id, student_id, skill_id, source, ref)
      select ${coalitionId}::uuid, v.student_id, v.skill_id, 'declared', '' from unnest(${sql.param(skillStudents)}::uuid[], ${sql.param(skillIds)}::text[]) as v(student_id, skill_id)`);
  }
  const withEquity: { id: string; equity: NonNullable<StudentRecord['equity']> }[] = [];
  records.forEach((r, i) => {
    if (r.equity) withEquity.push({ id: ids[i]!, equity: r.equity });
  });
  if (withEquity.length > 0) {
    const flag = (key: keyof NonNullable<StudentRecord['equity']>) => sql.param(withEquity.map((r) => r.equity[key]));
    await tx.execute(sql`
      insert into ${studentEquity} (coalition_id, student_id, first_generation, low_income, no_four_year_degree_path, career_changer)
      select ${coalitionId}::uuid, v.* from unnest(${sql.param(withEquity.map((r) => r.id))}::uuid[], ${flag('firstGeneration')}::boolean[], ${flag('lowIncome')}::boolean[],
        ${flag('noFourYearDegreePath')}::boolean[], ${flag('careerChanger')}::boolean[]) as v(student_id, first_generation, low_income, no_four_year_degree_path, career_changer)`);
  }
}
