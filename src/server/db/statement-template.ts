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
  /** Drizzle's parameters, every one a placeholder (bare, or bound to a column's encoder), each once. */
  readonly params: readonly unknown[];
}

const dialect = new PgDialect({ casing: CASING });

export function compileTemplate(statement: SQL): StatementTemplate {
  const { sql: built, params } = dialect.sqlToQuery(statement);
  // One parameter per placeholder and encoder, however often it occurs: drizzle numbers each
  // occurrence ($1 … $120 for the candidates), and every one is sent and bound.
  const kept: unknown[] = [];
  const slotOf = new Map<unknown, Map<string, number>>();
  const renumbered = params.map((param, i) => {
    const placeholder = is(param, Placeholder) ? param : is(param, Param) && is(param.value, Placeholder) ? param.value : null;
    if (!placeholder) throw new Error(`statement template: parameter $${i + 1} is a value (${JSON.stringify(is(param, Param) ? param.value : param)}), not a placeholder`);
    const encoder = is(param, Param) ? param.encoder : null;
    let byName = slotOf.get(encoder);
    if (!byName) slotOf.set(encoder, (byName = new Map()));
    let slot = byName.get(placeholder.name);
    if (slot === undefined) {
      kept.push(param);
      byName.set(placeholder.name, (slot = kept.length));
    }
    return slot;
  });
  let seen = 0;
  const text = built.replace(/\$(\d+)/g, (_, n: string) => {
    // drizzle writes $1 … $n once each, in order; anything else is not its parameter marker.
    if (Number(n) !== ++seen) throw new Error(`statement template: unexpected ${'$'}${n} in the text`);
    return `$${renumbered[seen - 1]}`;
  });
  if (seen !== params.length) throw new Error(`statement template: ${seen} parameter markers for ${params.length} parameters`);
  return { text, params: kept };
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
