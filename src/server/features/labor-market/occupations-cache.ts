import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { versionedCache } from '../../platform/versioned-cache.js';

/**
 * The occupations list (JSON body and CSV), kept per process and keyed by (coalition, its labor-market
 * version, the reference version, region asked for) (decision 031). Migrations 0015 and 0016 keep the
 * versions in PostgreSQL: statement triggers give a coalition a fresh sequence number in the same
 * transaction as any write to its regions, datasets, projections or stated figures, and the one
 * reference version moves with any write to the SOC codes or the crosswalk (global tables). Every
 * read asks for both versions first, in one statement, then builds after it; so a change committed by
 * any process is never served once it has committed. The keeping is platform/versioned-cache.ts.
 */
const cache = versionedCache({ json: 8, csv: 4 });

/** [the coalition's labor-market version, the reference version]; a missing row is version 0. */
export async function laborMarketVersion(db: Executor, coalitionId: string): Promise<[string, string]> {
  const result = await db.execute<{ own: string | null; reference: string | null }>(
    sql`select (select version::text from labor_market_versions where coalition_id = ${coalitionId}) as own, (select version::text from labor_market_reference_version) as reference`,
  );
  const row = result.rows[0];
  return [row?.own ?? '0', row?.reference ?? '0'];
}

/** The occupations response (UTF-8 JSON bytes) or CSV kept for this coalition, version and region, or builds and keeps it. */
export const cachedOccupations = <T extends Buffer | string>(kind: 'json' | 'csv', coalitionId: string, version: [string, string], region: string | undefined, build: () => Promise<T>) =>
  // JSON of the region, so "no region asked" and an empty region name never share a key.
  cache.remember(kind, coalitionId, version, JSON.stringify(region ?? null), build);

/** For tests: forget everything kept. */
export function clearOccupationsCache(): void {
  cache.clear();
}
