import { z } from 'zod';
import type { OrganizationType } from './common.contract.js';
import { uuid } from './common.contract.js';

/**
 * The seats of the paper's recommended membership (Chapter 4, Phase 1, Step 2, Recommendation #2:
 * "a combination of decision makers and key influencers"). `organizationTypes` says who can fill one.
 */
export const stakeholderTypes = ['employer', 'k12', 'college_university', 'nonprofit', 'funder', 'government'] as const;
export type StakeholderType = (typeof stakeholderTypes)[number];

interface SeatDefinition {
  seat: string;
  stakeholderType: StakeholderType;
  label: string;
  organizationTypes: readonly OrganizationType[];
}

export const seats = [
  { seat: 'hiring_manager', stakeholderType: 'employer', label: 'Hiring manager (with Engineering or IT department)', organizationTypes: ['employer'] },
  { seat: 'diversity_inclusion', stakeholderType: 'employer', label: 'Diversity and inclusion leadership', organizationTypes: ['employer'] },
  { seat: 'chief_human_capital_officer', stakeholderType: 'employer', label: 'Chief Human Capital Officer', organizationTypes: ['employer'] },
  { seat: 'community_government_relations', stakeholderType: 'employer', label: 'Community and Government Relations', organizationTypes: ['employer'] },
  { seat: 'district_administrator', stakeholderType: 'k12', label: 'School District Administrators', organizationTypes: ['k12'] },
  { seat: 'principal', stakeholderType: 'k12', label: 'Principal', organizationTypes: ['k12'] },
  { seat: 'curriculum_advisor', stakeholderType: 'k12', label: 'Curriculum advisor', organizationTypes: ['k12'] },
  { seat: 'college_president', stakeholderType: 'college_university', label: 'College president', organizationTypes: ['college', 'university'] },
  { seat: 'dean_chair', stakeholderType: 'college_university', label: 'Dean/chair of engineering, computer science and other relevant departments', organizationTypes: ['college', 'university'] },
  { seat: 'faculty', stakeholderType: 'college_university', label: 'Faculty', organizationTypes: ['college', 'university'] },
  { seat: 'career_placement_advisor', stakeholderType: 'college_university', label: 'Career placement advisor', organizationTypes: ['college', 'university'] },
  { seat: 'nonprofit_partner', stakeholderType: 'nonprofit', label: 'Non-profit organizations (e.g. Bixel Exchange, LA HI-TECH, Opportunity @ Work)', organizationTypes: ['nonprofit', 'intermediary'] },
  { seat: 'funder', stakeholderType: 'funder', label: 'Funders (e.g. JP Morgan Chase, Kresge Foundation)', organizationTypes: ['funder'] },
  { seat: 'state_education_department', stakeholderType: 'government', label: 'California Department of Education', organizationTypes: ['government'] },
  { seat: 'mayors_office', stakeholderType: 'government', label: "Mayor's office", organizationTypes: ['government'] },
] as const satisfies readonly SeatDefinition[];

export const seatKeys = seats.map((s) => s.seat) as [Seat, ...Seat[]];
export type Seat = (typeof seats)[number]['seat'];
export const seatSchema = z.enum(seatKeys);
export const findSeat = (seat: string): SeatDefinition | undefined => seats.find((s) => s.seat === seat);
/** The seats a person of an organization of this type may fill. */
export const seatsForOrganizationType = (type: string): Seat[] =>
  seats.filter((s) => (s.organizationTypes as readonly string[]).includes(type)).map((s) => s.seat);

export const seatHolderDto = z.object({
  personId: uuid,
  name: z.string(),
  title: z.string().nullable(),
  organizationId: uuid.nullable(),
  organizationName: z.string().nullable(),
  /** Has an account in the coalition (accepted an invitation), not only a directory entry. */
  member: z.boolean(),
});
export type SeatHolderDto = z.infer<typeof seatHolderDto>;

export const coverageItemDto = z.object({
  seat: seatSchema,
  stakeholderType: z.enum(stakeholderTypes),
  role: z.string(),
  filled: z.boolean(),
  people: z.array(seatHolderDto),
});
export type CoverageItemDto = z.infer<typeof coverageItemDto>;

export const coverageDto = z.object({
  items: z.array(coverageItemDto),
  filledCount: z.number().int(),
  seatCount: z.number().int(),
});
export type CoverageDto = z.infer<typeof coverageDto>;

export const seatParams = z.object({ slug: z.string().min(1).max(63), seat: seatSchema });
export const seatHolderParams = seatParams.extend({ personId: uuid });
export const seatHolderInput = z.object({ personId: uuid });
export type SeatHolderInput = z.infer<typeof seatHolderInput>;

export const initiativeDecisionMakerDto = z.object({
  initiativeId: uuid,
  title: z.string(),
  status: z.string(),
  /** People the initiative's RACI table makes accountable. */
  decisionMakers: z.array(z.object({ personId: uuid, name: z.string() })),
  hasDecisionMaker: z.boolean(),
});
export type InitiativeDecisionMakerDto = z.infer<typeof initiativeDecisionMakerDto>;
export const initiativeDecisionMakersDto = z.object({
  items: z.array(initiativeDecisionMakerDto),
  withoutDecisionMaker: z.number().int(),
});
export type InitiativeDecisionMakersDto = z.infer<typeof initiativeDecisionMakersDto>;
