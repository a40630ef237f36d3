/** Rows carry Date objects; DTOs carry ISO 8601 strings. Converts a row's top-level dates. */
export type WithIsoDates<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export function isoDates<T extends Record<string, unknown>>(row: T): WithIsoDates<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out as WithIsoDates<T>;
}
