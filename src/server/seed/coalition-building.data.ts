import type { OrganizationType, Role } from '../../shared/common.contract.js';
import type { Seat } from '../../shared/coverage.contract.js';
import type { ProspectStage } from '../../shared/prospects.contract.js';

/**
 * The demo recruitment pipeline. The organizations are real Los Angeles institutions a coalition
 * like this would plausibly approach, but every stage, person, note and date is ILLUSTRATIVE: none
 * describes a real conversation. Records are flagged `illustrative` and the web marks them.
 */
export interface SeedProspect {
  name: string;
  type: OrganizationType;
  stage: ProspectStage;
  website: string | null;
  notes: string;
  nextStep: string | null;
  /** Days from today. */
  nextStepIn: number | null;
  contacts: { name: string; title: string; email: string; seat: Seat | null; roles: Role[]; decisionMaker: boolean }[];
  history: { daysAgo: number; kind: 'call' | 'email' | 'meeting' | 'event' | 'note'; summary: string }[];
}

const note = 'Illustrative demo record: not a real conversation.';

export const seedProspects: SeedProspect[] = [
  {
    name: 'Long Beach Unified School District',
    type: 'k12',
    stage: 'committed',
    website: 'https://www.lbschools.net',
    notes: `${note} Linked Learning pathways in IT; interested in classroom engagements.`,
    nextStep: 'Send the membership packet and data-sharing agreement',
    nextStepIn: 5,
    contacts: [
      { name: 'Teresa Nguyen', title: 'Principal, Polytechnic High School', email: 'teresa.nguyen@example.org', seat: 'principal', roles: ['member', 'point_of_contact'], decisionMaker: true },
      { name: 'Robert Hale', title: 'Director of Career Technical Education', email: 'robert.hale@example.org', seat: 'district_administrator', roles: ['member'], decisionMaker: true },
    ],
    history: [
      { daysAgo: 40, kind: 'event', summary: 'Met at the LA Tech Talent Pipeline convening.' },
      { daysAgo: 21, kind: 'meeting', summary: 'Walked the CTE team through the coalition roadmap and the recognition program.' },
      { daysAgo: 6, kind: 'email', summary: 'Principal confirmed the district will join this term.' },
    ],
  },
  {
    name: 'California State University, Los Angeles',
    type: 'university',
    stage: 'in_conversation',
    website: 'https://www.calstatela.edu',
    notes: `${note} Computer science and IT programs; career center runs employer panels.`,
    nextStep: 'Meet the Dean of Engineering, Computer Science and Technology',
    nextStepIn: 9,
    contacts: [
      { name: 'Angela Moreno', title: 'Dean, College of Engineering, Computer Science and Technology', email: 'angela.moreno@example.org', seat: 'dean_chair', roles: ['member', 'leadership_council'], decisionMaker: true },
      { name: 'Kevin Tran', title: 'Associate Director, Career Center', email: 'kevin.tran@example.org', seat: 'career_placement_advisor', roles: ['member', 'point_of_contact'], decisionMaker: false },
    ],
    history: [
      { daysAgo: 30, kind: 'email', summary: 'Introduction through the Center for Competitive Workforce.' },
      { daysAgo: 12, kind: 'call', summary: 'Career center keen on the internship pipeline initiative.' },
    ],
  },
  {
    name: 'Riot Games',
    type: 'employer',
    stage: 'in_conversation',
    website: 'https://www.riotgames.com',
    notes: `${note} West LA game studio; could host soft-skill workshops.`,
    nextStep: 'Share Table 1 demand figures with the talent acquisition lead',
    nextStepIn: 3,
    contacts: [
      { name: 'Samantha Ortega', title: 'Chief People Officer', email: 'samantha.ortega@example.org', seat: 'chief_human_capital_officer', roles: ['member', 'leadership_council'], decisionMaker: true },
      { name: 'Chris Bauer', title: 'Engineering Manager, Platform', email: 'chris.bauer@example.org', seat: 'hiring_manager', roles: ['member', 'champion'], decisionMaker: false },
    ],
    history: [{ daysAgo: 18, kind: 'meeting', summary: 'Coffee with the talent acquisition team about entry-level hiring.' }],
  },
  {
    name: 'Northrop Grumman',
    type: 'employer',
    stage: 'contacted',
    website: 'https://www.northropgrumman.com',
    notes: `${note} Large South Bay engineering employer.`,
    nextStep: 'Follow up with community relations',
    nextStepIn: -4,
    contacts: [{ name: 'Patricia Lewis', title: 'Manager, Community and Government Relations', email: 'patricia.lewis@example.org', seat: 'community_government_relations', roles: ['member'], decisionMaker: true }],
    history: [{ daysAgo: 25, kind: 'email', summary: 'Sent the coalition one-pager.' }],
  },
  {
    name: 'East Los Angeles College',
    type: 'college',
    stage: 'contacted',
    website: 'https://www.elac.edu',
    notes: `${note} Computer information systems programs.`,
    nextStep: 'Invite the president to the next coalition meeting',
    nextStepIn: 14,
    contacts: [{ name: 'Miguel Santos', title: 'College President', email: 'miguel.santos@example.org', seat: 'college_president', roles: ['member', 'leadership_council'], decisionMaker: true }],
    history: [{ daysAgo: 10, kind: 'call', summary: 'Left a message with the president’s office.' }],
  },
  {
    name: 'Goldhirsh Foundation (LA2050)',
    type: 'funder',
    stage: 'identified',
    website: 'https://goldhirshfoundation.org',
    notes: `${note} Grants to LA workforce and education efforts.`,
    nextStep: 'Find a warm introduction',
    nextStepIn: 20,
    contacts: [],
    history: [],
  },
  {
    name: 'Los Angeles Community College District',
    type: 'college',
    stage: 'identified',
    website: 'https://www.laccd.edu',
    notes: `${note} Nine colleges; a district-level partner would reach all of them.`,
    nextStep: null,
    nextStepIn: null,
    contacts: [],
    history: [],
  },
  {
    name: 'TrueCar',
    type: 'employer',
    stage: 'declined',
    website: 'https://www.truecar.com',
    notes: `${note} Not hiring entry-level this year; revisit next calendar year.`,
    nextStep: null,
    nextStepIn: null,
    contacts: [],
    history: [{ daysAgo: 50, kind: 'call', summary: 'Declined for this year: hiring freeze on entry-level roles.' }],
  },
];

/** Seats held by the seeded people (by e-mail or demo account). */
export const seedSeatHolders: { email: string; seat: Seat }[] = [
  { email: 'employer@la-tech.demo', seat: 'hiring_manager' },
  { email: 'ethan.walker@example.org', seat: 'diversity_inclusion' },
  { email: 'educator@la-tech.demo', seat: 'faculty' },
  { email: 'marcus.lee@example.org', seat: 'dean_chair' },
  { email: 'daniel.ortiz@example.org', seat: 'curriculum_advisor' },
  { email: 'grace.kim@example.org', seat: 'nonprofit_partner' },
  { email: 'hannah.park@example.org', seat: 'funder' },
  { email: 'government@la-tech.demo', seat: 'mayors_office' },
];

/** Commitments of seeded members, drawn from the paper's templates (due dates relative to today; some overdue on purpose). */
export const seedCommitments: { organization: string; templateKey: string; dueIn: number; status: 'open' | 'in_progress' | 'done' }[] = [
  { organization: 'Snap Inc.', templateKey: 'employer.hiring_needs', dueIn: -60, status: 'done' },
  { organization: 'Snap Inc.', templateKey: 'employer.volunteers', dueIn: -10, status: 'in_progress' },
  { organization: 'Snap Inc.', templateKey: 'employer.wbl', dueIn: 30, status: 'open' },
  { organization: 'Amazon Web Services', templateKey: 'employer.wbl', dueIn: 14, status: 'in_progress' },
  { organization: 'Pierce College', templateKey: 'education.flexible_curriculum', dueIn: 45, status: 'in_progress' },
  { organization: 'Pierce College', templateKey: 'education.wbl_in_curriculum', dueIn: -30, status: 'done' },
  { organization: 'Pierce College', templateKey: 'education.promote', dueIn: -5, status: 'open' },
  { organization: 'Los Angeles Unified School District (LAUSD)', templateKey: 'education.promote', dueIn: 20, status: 'open' },
  { organization: 'Office of the Mayor of Los Angeles', templateKey: 'government.recognition', dueIn: 60, status: 'open' },
];

/** Members that have accepted the data-sharing agreement. */
export const seedDataSharing = ['Snap Inc.', 'Pierce College', 'Santa Monica College', 'Bixel Exchange'];
