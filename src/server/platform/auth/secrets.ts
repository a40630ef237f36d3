import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { uuidV7 } from '../ids.js';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes); see docs/decisions/004.
const argonOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, argonOptions);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not-a-real-password-' + randomUUID()));

/** A random secret for a cookie, link or API token, and the hash stored in its place. */
export function newSecret(prefix = ''): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret) };
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** A new record id: time-ordered (UUID v7, decision 033), so inserts append to the indexes. */
export const newId = () => uuidV7();
