import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../db/client.js';
import { findImporter } from '../../platform/imports/importers.js';
import { SetCheckedKeys, whyNotSetChecked } from '../../platform/imports/set-checked-keys.js';
import { createTestApp, demo, type Session, type TestApp } from '../../test/harness.js';
import { newStudentKeys } from './students.import.js';

// Decision 037: a first import checks the foreign keys of its students as sets. These tests hold
// that it is taken where it may be, refused where it may not, and checks what the row checks did.

let t: TestApp;
let coordinator: Session;
let coalitionId: string;
const url = '/api/v1/coalitions/la-tech';
const header = 'external_id,first_name,last_name,email,institution,pathway,skills,graduation_year';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.signIn(demo.coordinator);
  coalitionId = (await t.database.db.execute<{ id: string }>(sql`select id from coalitions where slug = 'la-tech'`)).rows[0]!.id;
});
afterAll(() => t?.close());

class RolledBack extends Error {}
/** Runs fn in a transaction that is always rolled back. */
async function inRolledBack(fn: (tx: Executor) => Promise<void>) {
  await t.database.db
    .transaction(async (tx) => {
      await fn(tx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}

async function importCsv(csv: string) {
  const res = await t.request({ method: 'POST', url: `${url}/imports/students`, as: coordinator, headers: { 'content-type': 'text/csv' }, payload: csv });
  expect(res.statusCode).toBe(202);
  await t.runJobs();
  return (await t.request({ method: 'GET', url: `${url}/imports/${res.json().id}`, as: coordinator })).json();
}

/** What is stored for students whose external id starts with prefix, the prefix dropped. */
async function stored(prefix: string) {
  const { rows } = await t.database.db.execute<{ key: string; institution: string; skills: string[]; linked: boolean }>(sql`
    select substr(s.external_id, ${prefix.length + 1}) as key, o.name as institution, s.person_id is not null as linked,
      array(select k.name from student_skills ss join skills k on k.id = ss.skill_id where ss.coalition_id = s.coalition_id and ss.student_id = s.id order by k.name) as skills
    from students s join organizations o on o.coalition_id = s.coalition_id and o.id = s.institution_id
    where s.coalition_id = ${coalitionId}::uuid and s.external_id like ${`${prefix}%`} order by 1`);
  return rows;
}

const record = (externalId: string, institutionId: string) => ({
  externalId,
  firstName: 'Key',
  lastName: 'Check',
  email: null,
  institutionId,
  pathway: null,
  graduationYear: null,
  dateOfBirth: null,
  hoursPerWeek: null,
  availableFrom: null,
  skills: ['Python', 'SQL'],
  equity: null,
});
const writeStudents = (tx: Executor, records: unknown[]) => findImporter('students')!.write(tx, coalitionId, records, async () => undefined);
const anInstitution = async () => (await t.database.db.execute<{ id: string }>(sql`select id from organizations where coalition_id = ${coalitionId}::uuid and name = 'Pierce College'`)).rows[0]!.id;

describe('foreign keys checked as sets in a first import (decision 037)', () => {
  it('is taken on this database: the plan names every foreign key of students and student_skills, and they have no triggers', async () => {
    expect(await whyNotSetChecked(t.database.db, newStudentKeys)).toBeNull();
  });

  it('is refused for a table with a trigger, a foreign key the plan does not check, or a role that may not skip the row checks', async () => {
    await inRolledBack(async (tx) => {
      await tx.execute(sql`create function count_row() returns trigger language plpgsql as $$ begin return new; end $$`);
      await tx.execute(sql`create trigger counted after insert on student_skills for each row execute function count_row()`);
      expect(await whyNotSetChecked(tx, newStudentKeys)).toBe('triggers the plan would skip: counted');
    });
    const { students_person_fk: _, ...otherParents } = newStudentKeys.parents;
    expect(await whyNotSetChecked(t.database.db, { ...newStudentKeys, parents: otherParents })).toBe('foreign keys the plan does not check: students_person_fk');
    expect(await whyNotSetChecked(t.database.db, { ...newStudentKeys, withinStatement: [...newStudentKeys.withinStatement, 'students_pathway_fk'] })).toBe('foreign keys the plan names that the tables lack: students_pathway_fk');
    await inRolledBack(async (tx) => {
      await tx.execute(sql`create role tb_plain_importer`);
      await tx.execute(sql`set local role tb_plain_importer`);
      expect(await whyNotSetChecked(tx, newStudentKeys)).toBe('the role may not set session_replication_role');
    });
  });

  it('runs the insert, and only the insert, with the row checks off: the setting comes back with it', async () => {
    await inRolledBack(async (tx) => {
      const keys = await SetCheckedKeys.open(tx, newStudentKeys, coalitionId);
      const setting = sql`select current_setting('session_replication_role') as role`;
      const { rows } = await keys!.insert<{ role: string }>({ students_coalition_id_coalitions_id_fk: [coalitionId] }, setting);
      expect(rows[0]!.role).toBe('replica');
      expect((await tx.execute<{ role: string }>(setting)).rows[0]!.role).toBe('origin');
    });
  });

  it('stores what the row checks store; where refused, the row checks run and the triggers fire', async () => {
    const file = (prefix: string) =>
      `${header}\n${[1, 2, 3].map((n) => `${prefix}${n},Ana,Row${n},,${n % 2 ? 'Santa Monica College' : 'Pierce College'},Cloud Computing,${n === 3 ? '' : 'Python;Linux'},2028`).join('\n')}\n`;
    expect(await importCsv(file('SET-'))).toMatchObject({ status: 'succeeded', result: { created: 3 } });

    await t.database.db.execute(sql`create table counted_rows (n int not null)`);
    await t.database.db.execute(sql`create function count_row() returns trigger language plpgsql as $$ begin insert into counted_rows values (1); return new; end $$`);
    await t.database.db.execute(sql`create trigger counted after insert on student_skills for each row execute function count_row()`);
    try {
      expect(await importCsv(file('ROW-'))).toMatchObject({ status: 'succeeded', result: { created: 3 } });
      expect((await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from counted_rows`)).rows[0]!.n).toBe(4);
    } finally {
      await t.database.db.execute(sql`drop trigger counted on student_skills`);
      await t.database.db.execute(sql`drop function count_row(); drop table counted_rows`);
    }
    const bySet = await stored('SET-');
    expect(bySet).toHaveLength(3);
    expect(bySet.map((s) => s.skills)).toEqual([['Linux', 'Python'], ['Linux', 'Python'], []]);
    expect(await stored('ROW-')).toEqual(bySet);
  });

  it('refuses an institution that is gone, naming it, and writes nothing; after a refusal or an insert, the row checks are back on', async () => {
    const gone = '019ac3a0-0000-7000-8000-00000000dead';
    await inRolledBack(async (tx) => {
      await expect(writeStudents(tx, [record('GONE-1', gone)])).rejects.toThrow(`The institution ${gone} is no longer there; nothing was written`);
      expect((await tx.execute<{ role: string }>(sql`select current_setting('session_replication_role') as role`)).rows[0]!.role).toBe('origin');
    });
    expect(await stored('GONE-')).toEqual([]);
    const institution = await anInstitution();
    await inRolledBack(async (tx) => {
      expect(await writeStudents(tx, [record('BACK-1', institution)])).toMatchObject({ created: 1 });
      expect((await tx.execute<{ role: string }>(sql`select current_setting('session_replication_role') as role`)).rows[0]!.role).toBe('origin');
    });
  });

  it.runIf(process.env.TB_TEST_DB === 'postgres')('holds the lock the row checks hold: an institution a running import named cannot be deleted under it', async () => {
    const [school] = (
      await t.database.db.execute<{ id: string }>(
        sql`insert into organizations (coalition_id, id, name, type) values (${coalitionId}::uuid, gen_random_uuid(), 'Lock Test College', 'college') returning id`,
      )
    ).rows;
    const other = await t.database.pool.connect();
    try {
      await inRolledBack(async (tx) => {
        await writeStudents(tx, [record('LOCK-1', school!.id)]);
        await other.query(`set lock_timeout = '300ms'`);
        await expect(other.query('delete from organizations where id = $1', [school!.id])).rejects.toMatchObject({ code: '55P03' });
      });
      // With the import gone, nothing holds the school.
      await other.query('delete from organizations where id = $1', [school!.id]);
    } finally {
      other.release();
    }
  });
});
