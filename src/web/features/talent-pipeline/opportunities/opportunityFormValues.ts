import type { ProblemBody } from '../../../../shared/common.contract';
import type { Audience, OpportunityCreateInput, OpportunityDto, OpportunityKind, OpportunityStatus } from '../../../../shared/opportunities.contract';
import { ApiError } from '../../../api/client';

export interface SkillRow {
  name: string;
  importance: number;
}

/** The opportunity form's state: numbers and dates as the inputs hold them ('' for none). */
export interface OpportunityFormValues extends Record<string, unknown> {
  kind: OpportunityKind;
  title: string;
  description: string;
  employerId: string;
  pathway: string;
  audiences: Audience[];
  compensation: OpportunityDto['compensation'];
  payAmount: string;
  payUnit: string;
  seats: string;
  startsOn: string;
  endsOn: string;
  applicationDeadline: string;
  hoursPerWeek: string;
  modality: OpportunityDto['modality'];
  location: string;
  status: OpportunityStatus;
  skills: SkillRow[];
}

export function emptyOpportunity(employerId: string): OpportunityFormValues {
  return {
    kind: 'internship',
    title: '',
    description: '',
    employerId,
    pathway: '',
    audiences: [],
    compensation: 'paid',
    payAmount: '',
    payUnit: 'hour',
    seats: '',
    startsOn: '',
    endsOn: '',
    applicationDeadline: '',
    hoursPerWeek: '',
    modality: 'in_person',
    location: '',
    status: 'open',
    skills: [{ name: '', importance: 3 }],
  };
}

const str = (v: string | number | null) => (v === null ? '' : String(v));

export function valuesOf(o: OpportunityDto): OpportunityFormValues {
  return {
    kind: o.kind,
    title: o.title,
    description: o.description ?? '',
    employerId: o.employerId,
    pathway: o.pathway ?? '',
    audiences: o.audiences,
    compensation: o.compensation,
    payAmount: str(o.payAmount),
    payUnit: o.payUnit ?? '',
    seats: str(o.seats),
    startsOn: o.startsOn ?? '',
    endsOn: o.endsOn ?? '',
    applicationDeadline: o.applicationDeadline ?? '',
    hoursPerWeek: str(o.hoursPerWeek),
    modality: o.modality,
    location: o.location ?? '',
    status: o.status,
    skills: o.skills.map((s) => ({ name: s.name, importance: s.importance })),
  };
}

/** '' → null; anything else a number (a non-number stays NaN, so the schema reports the field). */
const num = (v: string) => (v.trim() === '' ? null : Number(v));
const date = (v: string) => (v === '' ? null : v);

/** The API's input: unpaid drops the pay, empty skill rows are left out. */
export function toOpportunityInput(v: OpportunityFormValues): OpportunityCreateInput {
  const unpaid = v.compensation === 'unpaid';
  return {
    kind: v.kind,
    title: v.title,
    description: v.description,
    employerId: v.employerId,
    pathway: v.pathway,
    audiences: v.audiences,
    compensation: v.compensation,
    payAmount: unpaid ? null : num(v.payAmount),
    payUnit: unpaid || v.payUnit === '' ? null : (v.payUnit as OpportunityDto['payUnit']),
    seats: num(v.seats),
    startsOn: date(v.startsOn),
    endsOn: date(v.endsOn),
    applicationDeadline: date(v.applicationDeadline),
    hoursPerWeek: num(v.hoursPerWeek),
    modality: v.modality,
    location: v.location,
    status: v.status,
    skills: v.skills.filter((s) => s.name.trim() !== '').map((s) => ({ name: s.name.trim(), importance: s.importance })),
  };
}

/**
 * The server's checks that Zod cannot make (dates in order, pay with its unit, organizations of this
 * coalition) come back in English; the form shows them in the UI language, keyed by field.
 */
export function translateServerErrors(error: unknown, messages: Partial<Record<string, string>>): unknown {
  if (!(error instanceof ApiError) || error.status !== 422 || error.fieldErrors.length === 0) return error;
  const errors = error.fieldErrors.map((e) => ({ ...e, message: messages[e.path.replace(/^body[./]/, '')] ?? e.message }));
  // The detail repeats the field's English message; the field now says it in the UI language.
  const translated = error.fieldErrors.every((e) => messages[e.path.replace(/^body[./]/, '')] !== undefined);
  return new ApiError({ ...error.problem, errors, detail: translated ? '' : error.problem.detail } as ProblemBody);
}
