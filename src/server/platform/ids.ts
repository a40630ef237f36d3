import { randomFillSync } from 'node:crypto';
import { sql } from 'drizzle-orm';

/**
 * Record ids: UUID version 7 (RFC 9562), time-ordered (decision 033). A new row's key lands at the
 * right edge of its B-tree indexes instead of on a random page, so bulk inserts (an import of
 * 500,000 students and their skills) touch a few hot pages rather than the whole index.
 *
 * Layout: 48 bits of Unix milliseconds, the version, 12 bits of sequence, the variant, 62 random
 * bits. Within one process ids only increase: the sequence starts random each millisecond and
 * counts up; when it runs out (4,096 in one millisecond) the timestamp moves on by one.
 */
let lastMs = 0;
let sequence = 0;

/** Random bytes drawn 4 KiB at a time: one call into the system's generator per 512 ids. */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
function randomBytes8(into: Buffer, at: number): void {
  if (poolOffset + 8 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  pool.copy(into, at, poolOffset, poolOffset + 8);
  poolOffset += 8;
}

const bytes = Buffer.alloc(16);

export function uuidV7(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    randomBytes8(bytes, 8);
    sequence = bytes.readUInt16BE(8) & 0x07ff; // start in the lower half: room to count up
  } else if (++sequence > 0x0fff) {
    lastMs++;
    sequence = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes.writeUInt16BE(0x7000 | sequence, 6);
  randomBytes8(bytes, 8);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A version 7 id made by PostgreSQL, for rows a statement inserts itself (the access log written
 * inside a ranking statement): the milliseconds of clock_timestamp() over the first 48 bits of a
 * gen_random_uuid(), whose version bits 0100 become 0111. Time-ordered across milliseconds; ids of
 * one millisecond differ in their 74 random bits, unordered.
 */
export const uuidV7Sql = sql.raw(
  `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`,
);
