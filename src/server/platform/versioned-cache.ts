/**
 * Values kept per process under a version that lives in PostgreSQL (decisions 015 and 031): the
 * master plan and the labor-market occupations list. A version is one or more numbers read from
 * version rows that triggers move, from a sequence, in the same transaction as any write to what the
 * value is computed from. Every read asks for the current version first and then computes after
 * it, so what is kept under a version is never older than that version, and a change committed by
 * any process is never served once it has committed. Sequence numbers are never reused (not even
 * after a rollback), so a value computed inside a transaction that rolled back can never be matched
 * by a later, committed version. Nothing is shared through memory: this is a cache, not state.
 *
 * Each kind of value has its own least-recently-used limit. Committed versions only grow, so when a
 * scope (a coalition) keeps a value under a newer version, what it kept under older versions (every
 * number lower or equal, one lower) is dropped at once, of every kind, instead of lingering in the
 * heap until it ages out (a read that still asks for an older version computes it again).
 */
interface Entry {
  scope: string;
  version: readonly bigint[];
  value: unknown;
}

export interface VersionedCache<K extends string> {
  /** The value kept for (kind, scope, version, rest), or computes it and keeps it. A failed compute keeps nothing. */
  remember<T>(kind: K, scope: string, version: readonly string[], rest: string, compute: () => Promise<T>): Promise<T>;
  /** For tests: forget everything kept. */
  clear(): void;
}

/** Whether `older` is superseded by `newer`: no number higher and at least one lower. */
function supersedes(newer: readonly bigint[], older: readonly bigint[]): boolean {
  if (newer.length !== older.length) return false;
  let lower = false;
  for (let i = 0; i < newer.length; i++) {
    if (older[i]! > newer[i]!) return false;
    if (older[i]! < newer[i]!) lower = true;
  }
  return lower;
}

export function versionedCache<K extends string>(limits: Record<K, number>): VersionedCache<K> {
  const kinds = Object.keys(limits) as K[];
  const maps = new Map<K, Map<string, Entry>>(kinds.map((k) => [k, new Map()]));
  return {
    async remember<T>(kind: K, scope: string, version: readonly string[], rest: string, compute: () => Promise<T>): Promise<T> {
      const entries = maps.get(kind)!;
      const key = `${scope}|${version.join('.')}|${rest}`;
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as T;
      }
      const value = await compute();
      const v = version.map((n) => BigInt(n));
      for (const map of maps.values()) for (const [k, e] of map) if (e.scope === scope && supersedes(v, e.version)) map.delete(k);
      entries.set(key, { scope, version: v, value });
      while (entries.size > limits[kind]) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear() {
      for (const map of maps.values()) map.clear();
    },
  };
}
