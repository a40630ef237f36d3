import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/auth.contract.js';
import { invalidField } from '../errors.js';

/**
 * Passwords people are known to choose (ASVS 5.0 V6.2.4/6.2.11): the 10,000 most common passwords of
 * zxcvbn 4.4.2's frequency list (MIT, Dropbox), one a line in common-passwords.txt, plus words of this
 * product. See docs/decisions/014-account-security.md.
 */
const CONTEXT_WORDS = ['talentbridge', 'talent-bridge', 'talent bridge', 'coalition', 'lacoalition', 'la-tech'];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const file = fileURLToPath(new URL('./common-passwords.txt', import.meta.url));
    common = new Set(
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter(Boolean)
        .concat(CONTEXT_WORDS),
    );
  }
  return common;
}

/**
 * Why a password is refused, or null. Besides the list itself, a listed password padded only with
 * digits and symbols ("password123456!"), one listed password repeated ("qwertyqwerty"), one
 * character repeated, and the account's own e-mail or its name part are refused.
 */
export function weakPasswordReason(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `At least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `At most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return 'This password is one of the most common passwords; choose another';
  if (/^(.)\1*$/su.test(password)) return 'This password repeats one character; choose another';
  if (isSequence(lower)) return 'This password is a run of consecutive characters; choose another';
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (core && core !== lower && list.has(core)) return 'This password is a common password with digits or symbols added; choose another';
  const repeated = /^(.+?)\1+$/su.exec(lower)?.[1];
  if (repeated && (list.has(repeated) || repeated.length <= 3)) return 'This password repeats a common word; choose another';
  const email = context.email?.toLowerCase();
  if (email && (lower.includes(email) || (email.split('@')[0]!.length >= 4 && core === email.split('@')[0]))) {
    return 'The password must not be your e-mail address';
  }
  if (context.name && context.name.trim().length >= 4 && core === context.name.trim().toLowerCase().replace(/\s+/g, '')) {
    return 'The password must not be your name';
  }
  return null;
}

/** "123456789012", "abcdefghijkl", "987654321098": each character one step from the last. */
function isSequence(text: string): boolean {
  const step = (a: string, b: string) => {
    if (/\d/.test(a) && /\d/.test(b)) return (Number(b) - Number(a) + 10) % 10;
    return b.charCodeAt(0) - a.charCodeAt(0);
  };
  const first = step(text[0]!, text[1]!);
  if (first !== 1 && first !== -1 && first !== 9) return false;
  for (let i = 2; i < text.length; i++) if (step(text[i - 1]!, text[i]!) !== first) return false;
  return true;
}

/** Throws 422 naming `field` when the password may not be used. */
export function assertStrongPassword(password: string, field: string, context: { email?: string; name?: string } = {}): void {
  const reason = weakPasswordReason(password, context);
  if (reason) throw invalidField(field, reason);
}
