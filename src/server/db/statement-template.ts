import { fillPlaceholders, is, Param, Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { CASING, type Db } from './client.js';

/**
 * A statement whose text drizzle builds once per shape rather than on every request (decision
 * 035): every value in it is a named placeholder, filled when it runs. Building a large statement
 * (the candidate ranking: 11,600 characters, over a hundred parameters) cost about 0.5 ms of the
 * server's CPU per request; filling a template costs a few microseconds.
 *
 * A template must not keep one request's values, so building refuses any parameter that is not a
 * placeholder: a constant belongs in the text, a value in a placeholder. The key is the caller's to
 * get right: everything the text depends on (which branches the builder took) must be in it.
 */
export interface StatementTemplate {
  readonly text: string;
  /** Drizzle's parameters, every one a placeholder (bare, or bound to a column's encoder). */
  readonly params: readonly unknown[];
}

const dialect = new PgDialect({ casing: CASING });

export function compileTemplate(statement: SQL): StatementTemplate {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  params.forEach((param, i) => {
    if (!is(param, Placeholder) && !(is(param, Param) && is(param.value, Placeholder))) {
      throw new Error(`statement template: parameter $${i + 1} is a value (${JSON.stringify(is(param, Param) ? param.value : param)}), not a placeholder`);
    }
  });
  return { text, params };
}

/** Templates by key, each built on first use. */
export class StatementTemplates {
  private readonly byKey = new Map<string, StatementTemplate>();

  get(key: string, build: () => SQL): StatementTemplate {
    let template = this.byKey.get(key);
    if (!template) this.byKey.set(key, (template = compileTemplate(build())));
    return template;
  }

  get size(): number {
    return this.byKey.size;
  }
}

/** Runs a template with these values (each placeholder's name → its value; undefined is refused). */
export async function runTemplate<R extends Record<string, unknown>, V extends object>(db: Db, template: StatementTemplate, values: V): Promise<R[]> {
  const params = fillPlaceholders(template.params as Parameters<typeof fillPlaceholders>[0], values as Record<string, unknown>);
  const missing = params.findIndex((value) => value === undefined);
  if (missing >= 0) throw new Error(`statement template: no value for parameter $${missing + 1}`);
  const result = await db.$client.query<R>(template.text, params);
  return result.rows;
}
