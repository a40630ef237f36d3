import type { Db } from './client.js';

/**
 * A named prepared statement, built once per database handle: drizzle binds a prepared query to
 * the handle it was built on, and node-postgres then parses it once per pooled connection.
 * Only for key lookups that every request of a hot path runs, whose generic plan is as good as a
 * custom one (decisions 032 and 035).
 */
export function preparedPerDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let statement = built.get(db);
    if (statement === undefined) built.set(db, (statement = build(db)));
    return statement;
  };
}
