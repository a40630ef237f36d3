import { jobPostingKinds, type OpportunityKind } from '../../../shared/opportunities.contract.js';

const employmentTypes: Partial<Record<OpportunityKind, string>> = { internship: 'INTERN', apprenticeship: 'OTHER', job: 'FULL_TIME' };
const unitText: Record<string, string> = { hour: 'HOUR', week: 'WEEK', month: 'MONTH', year: 'YEAR', total: 'TOTAL' };

export interface JobPostingSource {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  employerName: string;
  employerWebsite: string | null;
  pathway: string | null;
  compensation: string;
  payAmount: number | null;
  payUnit: string | null;
  seats: number | null;
  startsOn: string | null;
  endsOn: string | null;
  applicationDeadline: string | null;
  hoursPerWeek: number | null;
  modality: string;
  location: string | null;
  createdAt: Date | string;
}

/**
 * schema.org JobPosting (https://schema.org/JobPosting) for internships, apprenticeships and jobs,
 * as JSON-LD a page embeds in <script type="application/ld+json">. No personal data. Degree-blind:
 * it states no education requirement.
 */
export function jobPostingOf(o: JobPostingSource, skills: { name: string }[]): Record<string, unknown> | null {
  if (!jobPostingKinds.includes(o.kind as OpportunityKind)) return null;
  const posted = typeof o.createdAt === 'string' ? o.createdAt : o.createdAt.toISOString();
  const partTime = o.kind === 'job' && o.hoursPerWeek !== null && o.hoursPerWeek < 30;
  const posting: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    identifier: { '@type': 'PropertyValue', name: 'TalentBridge', value: o.id },
    title: o.title,
    description: o.description ?? o.title,
    datePosted: posted.slice(0, 10),
    employmentType: partTime ? 'PART_TIME' : employmentTypes[o.kind as OpportunityKind],
    hiringOrganization: { '@type': 'Organization', name: o.employerName, ...(o.employerWebsite ? { sameAs: o.employerWebsite } : {}) },
  };
  if (o.applicationDeadline) posting.validThrough = `${o.applicationDeadline}T23:59:59`;
  if (o.startsOn) posting.jobStartDate = o.startsOn;
  if (o.seats !== null) posting.totalJobOpenings = o.seats;
  if (o.pathway) posting.occupationalCategory = o.pathway;
  if (skills.length > 0) posting.skills = skills.map((s) => s.name).join(', ');
  if (o.hoursPerWeek !== null) posting.workHours = `${o.hoursPerWeek} hours per week`;
  if (o.modality === 'online') {
    posting.jobLocationType = 'TELECOMMUTE';
    posting.applicantLocationRequirements = { '@type': 'Country', name: 'USA' };
  }
  if (o.modality !== 'online' && o.location) posting.jobLocation = { '@type': 'Place', address: { '@type': 'PostalAddress', streetAddress: o.location, addressCountry: 'US' } };
  if (o.payAmount !== null && o.payUnit) {
    posting.baseSalary = { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', value: o.payAmount, unitText: unitText[o.payUnit] ?? 'TOTAL' } };
  }
  if (o.compensation === 'stipend') posting.incentiveCompensation = 'Stipend';
  return posting;
}
