import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Versions of a coalition's data (migration 0017, decision 036), by kind. Triggers give a
 * coalition's row of a kind a fresh number from one sequence in the same transaction as any write
 * to the tables that kind covers; a missing row is version 0. They are read with the membership,
 * in the session lookup's own statement, so what a process keeps under a version (platform/
 * versioned-cache.ts) costs no query of its own to check, and is never older than what the request
 * would have read itself.
 */
export type DataVersions = Readonly<Record<string, string>>;

/** The kinds there are (the triggers of migration 0017 name them). `opportunities`: opportunities, the skills they ask for, and skill names. */
export type DataVersionKind = 'opportunities';

/** The coalition's versions as one JSON object (kind → version as text); empty when it has none (or there is no coalition). */
export function dataVersionsOf(coalitionId: SQLWrapper): SQL<Record<string, string>> {
  return sql<Record<string, string>>`(select coalesce(json_object_agg(dv.kind, dv.version::text), '{}'::json) from data_versions dv where dv.coalition_id = ${coalitionId})`;
}

/** A kind's version as read with this request's membership; undefined outside a request (do not keep anything then). */
export function dataVersion(versions: DataVersions | undefined, kind: DataVersionKind): string | undefined {
  return versions ? (versions[kind] ?? '0') : undefined;
}
