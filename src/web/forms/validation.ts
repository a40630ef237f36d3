import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

/** Per-field replacements for checks that only make sense for one field (a slug's pattern, …). */
export type MessageOverrides = Record<string, Partial<Record<z.core.$ZodIssue['code'], string>>>;

/** Turns a Zod issue into a message in the UI language (the shared schemas carry English ones). */
export function issueMessage(issue: z.core.$ZodIssue, t: TFunction, overrides?: MessageOverrides): string {
  const field = String(issue.path[0] ?? '');
  const override = overrides?.[field]?.[issue.code];
  if (override) return override;
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1 ? t('validation.chooseAtLeastOne') : t('validation.chooseAtLeastOne');
      }
      if (issue.origin === 'string') return min <= 1 ? t('validation.required') : t('validation.minLength', { count: min });
      return t('validation.invalid');
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooMany', { count: max });
      if (issue.origin === 'string') return t('validation.maxLength', { count: max });
      return t('validation.invalid');
    }
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'url') return t('validation.url');
      return t('validation.invalid');
    case 'invalid_value':
      return t('validation.chooseOne');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? t('validation.required') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** The first message for each top-level field of a failed parse. */
export function zodFieldErrors(error: z.ZodError, t: TFunction, overrides?: MessageOverrides): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (!(field in out)) out[field] = issueMessage(issue, t, overrides);
  }
  return out;
}

/** "body.name", "/name", "name.0" → "name" — the server's path to the form's field name. */
export function fieldOfPath(path: string): string {
  const cleaned = path.replace(/^#?\//, '').replace(/^body[./]/, '');
  return cleaned.split(/[./[\]]/).find((s) => s !== '') ?? '';
}

/** Splits server field errors into those a field of this form can show, and the rest. */
export function apiFieldErrors(error: ApiError, fields: readonly string[]): { fieldErrors: FieldErrors; unmatched: string[] } {
  const fieldErrors: FieldErrors = {};
  const unmatched: string[] = [];
  for (const e of error.fieldErrors) {
    const exact = fields.includes(e.path) ? e.path : null;
    const field = exact ?? fieldOfPath(e.path);
    if (fields.includes(field)) {
      if (!(field in fieldErrors)) fieldErrors[field] = e.message;
    } else {
      unmatched.push(e.path ? `${e.path}: ${e.message}` : e.message);
    }
  }
  return { fieldErrors, unmatched };
}
