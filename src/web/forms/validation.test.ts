import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { coalitionCreateInput } from '../../shared/coalitions.contract';
import { organizationCreateInput } from '../../shared/organizations.contract';
import { ApiError } from '../api/client';
import { apiFieldErrors, fieldOfPath, zodFieldErrors } from './validation';

// A stand-in t(): returns the key and its options, so the test sees which message was chosen.
const t = ((key: string, options?: Record<string, unknown>) =>
  options && 'count' in options ? `${key}:${String(options.count)}` : key) as unknown as TFunction;

describe('client-side validation messages', () => {
  it('translates the shared organization schema’s issues, field by field', () => {
    const parsed = organizationCreateInput.safeParse({ name: '', type: undefined, website: 'nope' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(zodFieldErrors(parsed.error, t)).toEqual({
      name: 'validation.required',
      type: 'validation.chooseOne',
      website: 'validation.url',
    });
  });

  it('uses per-field overrides (slug pattern, time zone)', () => {
    const parsed = coalitionCreateInput.safeParse({ slug: 'Bad Slug!', name: 'x', region: 'y', timeZone: 'Mars/Olympus' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = zodFieldErrors(parsed.error, t, { slug: { invalid_format: 'SLUG' }, timeZone: { custom: 'TZ' } });
    expect(errors.slug).toBe('SLUG');
    expect(errors.timeZone).toBe('TZ');
  });

  it('reports lengths with their limits', () => {
    const parsed = organizationCreateInput.safeParse({ name: 'x'.repeat(201), type: 'employer' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(zodFieldErrors(parsed.error, t).name).toBe('validation.maxLength:200');
  });
});

describe('server field errors', () => {
  it('maps problem paths onto form fields', () => {
    expect(fieldOfPath('name')).toBe('name');
    expect(fieldOfPath('body.website')).toBe('website');
    expect(fieldOfPath('/roles/0')).toBe('roles');
    expect(fieldOfPath('roles.1')).toBe('roles');
  });

  it('keeps errors no field can show for the form-level alert', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      detail: 'name: Required',
      code: 'invalid',
      errors: [
        { path: 'name', message: 'Required' },
        { path: 'token', message: 'Expired' },
      ],
    });
    expect(apiFieldErrors(error, ['name', 'type'])).toEqual({
      fieldErrors: { name: 'Required' },
      unmatched: ['token: Expired'],
    });
  });
});
