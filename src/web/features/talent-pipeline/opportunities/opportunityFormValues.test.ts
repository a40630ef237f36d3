import { describe, expect, it } from 'vitest';
import { opportunityCreateInput, type OpportunityDto } from '../../../../shared/opportunities.contract';
import { ApiError } from '../../../api/client';
import { emptyOpportunity, toOpportunityInput, translateServerErrors, valuesOf } from './opportunityFormValues';

const employerId = '0b7e6c1e-6a51-4c57-9d1c-8f0c1f9b2a11';

describe('the opportunity form’s values', () => {
  it('turns empty inputs into nulls, numbers into numbers, drops blank skill rows and the pay of unpaid ones', () => {
    const v = { ...emptyOpportunity(employerId), title: 'Data intern', seats: '4', hoursPerWeek: '', payAmount: '22.5', skills: [{ name: ' Python ', importance: 5 }, { name: '  ', importance: 3 }] };
    const input = toOpportunityInput(v);
    expect(input).toMatchObject({ seats: 4, hoursPerWeek: null, payAmount: 22.5, payUnit: 'hour', startsOn: null, skills: [{ name: 'Python', importance: 5 }] });
    expect(opportunityCreateInput.safeParse(input).success).toBe(true);
    const unpaid = toOpportunityInput({ ...v, compensation: 'unpaid' });
    expect(unpaid).toMatchObject({ payAmount: null, payUnit: null });
  });

  it('lets the shared schema name a field typed wrong (seats that are not a number)', () => {
    const parsed = opportunityCreateInput.safeParse(toOpportunityInput({ ...emptyOpportunity(employerId), title: 'x', seats: 'three' }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toEqual(['seats']);
  });

  it('round-trips an opportunity into the form and back', () => {
    const o = {
      kind: 'job', title: 'Cloud engineer', description: null, employerId, pathway: 'Cloud Computing', audiences: ['college'], compensation: 'paid', payAmount: 30, payUnit: 'hour',
      seats: 2, startsOn: '2027-01-04', endsOn: null, applicationDeadline: '2026-12-15', hoursPerWeek: 40, modality: 'hybrid', location: 'Santa Monica', status: 'open',
      skills: [{ id: 'tech:aws', name: 'AWS', importance: 4 }],
    } as unknown as OpportunityDto;
    expect(toOpportunityInput(valuesOf(o))).toMatchObject({ kind: 'job', description: '', payAmount: 30, seats: 2, endsOn: null, applicationDeadline: '2026-12-15', skills: [{ name: 'AWS', importance: 4 }] });
  });
});

describe('the server’s field errors in the UI language', () => {
  const problem = (errors: { path: string; message: string }[]) => new ApiError({ type: 'about:blank', title: 'Invalid', status: 422, code: 'invalid', detail: 'endsOn: Ends before it starts', errors });

  it('replaces the English message of a known field and drops the English detail', () => {
    const out = translateServerErrors(problem([{ path: 'endsOn', message: 'Ends before it starts' }]), { endsOn: 'Termina antes de empezar' }) as ApiError;
    expect(out.fieldErrors).toEqual([{ path: 'endsOn', message: 'Termina antes de empezar' }]);
    expect(out.problem.detail).toBe('');
  });

  it('keeps unknown fields’ messages and the detail, and leaves other errors alone', () => {
    const out = translateServerErrors(problem([{ path: 'body.title', message: 'Too long' }]), { endsOn: 'x' }) as ApiError;
    expect(out.fieldErrors[0]!.message).toBe('Too long');
    expect(out.problem.detail).toBe('endsOn: Ends before it starts');
    const other = new Error('network');
    expect(translateServerErrors(other, { endsOn: 'x' })).toBe(other);
  });
});
