import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { AppError } from '../errors.js';

/**
 * Foreign keys checked as sets, for bulk inserts (decision 037).
 *
 * PostgreSQL checks each inserted row's foreign keys with a query of its own: about 13 per imported
 * student, and more than half of the database's work in a first import of 500,000. The rows point
 * at a few thousand parents, so the insert can check them as sets instead: each parent is locked
 * FOR KEY SHARE, the lock the row checks take, once per transaction; rows that point at rows the
 * same statement inserts are checked by that statement; and the insert runs with
 * session_replication_role = replica, which skips the per-row checks.
 *
 * Replica mode skips every ordinary trigger, not only the checks, so the plan is taken only where
 * the written tables have no trigger of their own and every foreign key on them is one the plan
 * checks. Otherwise, or where the role may not set session_replication_role, `open` says no and
 * the caller inserts with the row checks on.
 */

/** A foreign key checked by locking the rows it points at. */
export interface CheckedParent {
  /** What a parent row is, for the error when one is gone ("organization"). */
  noun: string;
  /** Selects `id` (as text) of the coalition's rows with these keys, FOR KEY SHARE. */
  lock: (coalitionId: string, keys: string[]) => SQL;
}

/**
 * The lock for parents found by their `id`, within the coalition where the table has one (a
 * reference table such as skills has none).
 */
export function lockById(table: PgTable, id: AnyPgColumn, coalitionIdColumn?: AnyPgColumn): CheckedParent['lock'] {
  return (coalitionId, ids) =>
    sql`select ${id}::text as id from ${table} where ${coalitionIdColumn ? sql`${coalitionIdColumn} = ${coalitionId}::uuid and ` : sql``}${id} = any(${sql.param(ids)}) for key share`;
}

export interface SetCheckedPlan<K extends string> {
  /** The tables the insert writes. */
  tables: readonly string[];
  /** Foreign keys checked by locking their parents, by constraint name. */
  parents: Readonly<Record<K, CheckedParent>>;
  /** Foreign keys to rows the same statement inserts: the statement checks them itself. */
  withinStatement: readonly string[];
}

type Opened = { role: string; locked: Map<string, Set<string>> } | null;
const openedIn = new WeakMap<Executor, Map<SetCheckedPlan<string>, Opened>>();

export class SetCheckedKeys<K extends string> {
  private constructor(
    private readonly tx: Executor,
    private readonly plan: SetCheckedPlan<K>,
    private readonly coalitionId: string,
    private readonly state: NonNullable<Opened>,
  ) {}

  /**
   * The plan's checker for this transaction, or null when the row checks must stay: the role may
   * not set session_replication_role, a written table has a trigger, or a foreign key on one is
   * not in the plan. Asked of the database once per transaction. The parents locked are remembered
   * per transaction object (no import rolls back to a savepoint, which would release them). Outside
   * a transaction the setting lasts one statement, so an insert would just run with the row checks.
   */
  static async open<K extends string>(tx: Executor, plan: SetCheckedPlan<K>, coalitionId: string): Promise<SetCheckedKeys<K> | null> {
    const plans = openedIn.get(tx) ?? new Map<SetCheckedPlan<string>, Opened>();
    openedIn.set(tx, plans);
    if (!plans.has(plan)) plans.set(plan, await whetherOpen(tx, plan));
    const state = plans.get(plan)!;
    return state ? new SetCheckedKeys(tx, plan, coalitionId, state) : null;
  }

  /**
   * Runs the insert without PostgreSQL's per-row key checks, having locked the parents these keys
   * name that this transaction had not locked yet. The locks are taken by the statement that turns
   * the checks off, and the checks are turned back on with the insert: three statements, two
   * waits. If a parent is not there (deleted since the file was checked), nothing is inserted, the
   * checks are back on, and the error names it.
   */
  async insert<T extends Record<string, unknown>>(parents: Partial<Record<K, Iterable<string>>>, statement: SQL) {
    const wanted = (Object.keys(parents) as K[])
      .map((constraint) => ({ constraint, ids: [...new Set(parents[constraint])].filter((id) => !this.state.locked.get(constraint)?.has(id)) }))
      .filter((w) => w.ids.length > 0);
    const ctes = wanted.map((w, i) => sql`${sql.raw(`p${i}`)} as (${this.plan.parents[w.constraint].lock(this.coalitionId, w.ids)})`);
    const found = wanted.map((_, i) => sql.raw(`, (select coalesce(array_agg(id), '{}') from p${i}) as p${i}`));
    // Row locks do not depend on the setting, so taking them in the statement that changes it is safe.
    const checksOff = sql`select set_config('session_replication_role', 'replica', true) as role${sql.join(found, sql``)}`;
    const { rows } = await this.tx.execute<Record<string, string[]>>(ctes.length > 0 ? sql`with ${sql.join(ctes, sql`, `)} ${checksOff}` : checksOff);
    for (const [i, w] of wanted.entries()) {
      const locked = new Set(rows[0]![`p${i}`]);
      const missing = w.ids.find((id) => !locked.has(id));
      if (missing !== undefined) {
        await this.tx.execute(this.checksOn());
        throw new AppError('conflict', `The ${this.plan.parents[w.constraint].noun} ${missing} is no longer there; nothing was written`);
      }
      const held = this.state.locked.get(w.constraint) ?? new Set<string>();
      for (const id of w.ids) held.add(id);
      this.state.locked.set(w.constraint, held);
    }
    // Sent together: the connection runs them in order, and the setting comes back without a wait.
    // If the insert fails, the transaction is aborted (its end restores the setting) and the second
    // statement fails too; Promise.all reports the first failure.
    const [result] = await Promise.all([this.tx.execute<T>(statement), this.tx.execute(this.checksOn())]);
    return result;
  }

  private checksOn(): SQL {
    return sql`select set_config('session_replication_role', ${this.state.role}, true)`;
  }
}

/** Why `open` says no for this plan in this transaction, or null when it says yes. */
export async function whyNotSetChecked(tx: Executor, plan: SetCheckedPlan<string>): Promise<string | null> {
  return (await inspect(tx, plan)).reason;
}

async function whetherOpen(tx: Executor, plan: SetCheckedPlan<string>): Promise<Opened> {
  const { reason, role } = await inspect(tx, plan);
  return reason === null ? { role, locked: new Map() } : null;
}

async function inspect(tx: Executor, plan: SetCheckedPlan<string>): Promise<{ reason: string | null; role: string }> {
  const tables = `{${plan.tables.join(',')}}`;
  const { rows } = await tx.execute<{ may: boolean; role: string; foreign_keys: string[]; triggers: string[] }>(sql`
    select r.rolsuper or has_parameter_privilege('session_replication_role', 'SET') as may,
      current_setting('session_replication_role') as role,
      array(select conname::text from pg_constraint where contype = 'f' and conrelid = any(${tables}::regclass[]) order by 1) as foreign_keys,
      array(select tgname::text from pg_trigger where not tgisinternal and tgrelid = any(${tables}::regclass[]) order by 1) as triggers
    from pg_roles r where r.rolname = current_user`);
  const row = rows[0]!;
  const planned = [...Object.keys(plan.parents), ...plan.withinStatement].sort();
  const unplanned = row.foreign_keys.filter((name) => !planned.includes(name));
  const absent = planned.filter((name) => !row.foreign_keys.includes(name));
  const reason = !row.may
    ? 'the role may not set session_replication_role'
    : row.role !== 'origin'
      ? `session_replication_role is ${row.role}`
      : row.triggers.length > 0
        ? `triggers the plan would skip: ${row.triggers.join(', ')}`
        : unplanned.length > 0
          ? `foreign keys the plan does not check: ${unplanned.join(', ')}`
          : absent.length > 0
            ? `foreign keys the plan names that the tables lack: ${absent.join(', ')}`
            : null;
  return { reason, role: row.role };
}
