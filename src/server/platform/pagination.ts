import { and, eq, gt, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from './errors.js';

/** Opaque keyset cursors: the last row's sort key, so pages stay stable while rows are added. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values as (string | number)[];
    }
  } catch {
    /* fall through */
  }
  throw new AppError('bad_request', 'The cursor is not valid', { errors: [{ path: 'query.cursor', message: 'Not a cursor from this list' }] });
}

/** Rows after (sort, id) in ascending order. */
export function afterCursor(sort: AnyColumn, id: AnyColumn, cursor: (string | number)[] | null): SQL | undefined {
  if (!cursor) return undefined;
  const [sortValue, idValue] = cursor;
  return or(gt(sort, sortValue), and(eq(sort, sortValue), gt(id, idValue)));
}

/** Fetch limit+1 rows, return a page and the cursor to the next one. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** Escapes LIKE wildcards in user search text. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** Rows before (timestamp, id) in newest-first order: the cursor of audit logs, outboxes, access logs. */
export function beforeTimeCursor(at: AnyColumn, id: AnyColumn, cursor: (string | number)[] | null): SQL | undefined {
  if (!cursor) return undefined;
  const when = new Date(String(cursor[0]));
  const idValue = String(cursor[1]);
  return or(lt(at, when), and(eq(at, when), lt(id, idValue)));
}
