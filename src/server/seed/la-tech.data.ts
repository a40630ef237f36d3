import type { OrganizationType, Role } from '../../shared/common.contract.js';

/**
 * The demo coalition, from the white paper "Addressing the technology skills gap in Los Angeles"
 * (shared/seed/000_efd8051afe20095f.txt). Each organization names where in the paper it appears.
 */
export const laTech = {
  slug: 'la-tech',
  name: 'Los Angeles Tech Talent Coalition',
  region: 'Los Angeles County, California',
  timeZone: 'America/Los_Angeles',
  mission:
    'Enable education institutions and employers to prepare students for a professional career to meet the rising demand for skilled labor to fill technology jobs in LA.',
};

export interface SeedOrganization {
  key: string;
  name: string;
  type: OrganizationType;
  subtype: string | null;
  website: string | null;
  description: string;
}

export const organizations: SeedOrganization[] = [
  // Intermediaries (Chapter 3 "Examples of current initiatives"; Recommendation #1)
  { key: 'bixel', name: 'Bixel Exchange', type: 'intermediary', subtype: 'innovation_center', website: 'https://bixelexchange.com', description: "Center for Innovation & Technology at the L.A. Area Chamber; runs the 'LA Tech Talent Pipeline' and 'Startup LAunch SBDC'." },
  { key: 'chamber', name: 'L.A. Area Chamber of Commerce', type: 'intermediary', subtype: 'chamber_of_commerce', website: 'https://lachamber.com', description: 'Hosts Bixel Exchange; partner for the LA Community Partner Recognition Program (Recommendation #1).' },
  { key: 'lahitech', name: 'LA HI-TECH', type: 'nonprofit', subtype: 'consortium', website: null, description: 'Los Angeles High-Impact Information Technology, Entertainment & Entrepreneurship, and Communication Hubs: pairs community colleges with high schools on three ICT career pathways.' },
  // Employers (Spotlights #1 and #2; "Top LA-Based Companies Hiring Tech Talent as of August 2018")
  { key: 'snap', name: 'Snap Inc.', type: 'employer', subtype: 'tech_company', website: 'https://snap.com', description: 'Led an 8-week design competition at Pierce College with LA HI-TECH (Spotlight #1).' },
  { key: 'aws', name: 'Amazon Web Services', type: 'employer', subtype: 'tech_company', website: 'https://aws.amazon.com', description: 'AWS Educate cloud certification program with Santa Monica College (Spotlight #2).' },
  { key: 'jpl', name: 'NASA Jet Propulsion Laboratory', type: 'employer', subtype: 'research_lab', website: 'https://www.jpl.nasa.gov', description: 'No. 1 of the top LA-based companies hiring tech talent (LinkedIn, August 2018).' },
  { key: 'esri', name: 'Esri', type: 'employer', subtype: 'tech_company', website: 'https://www.esri.com', description: 'No. 2 of the top LA-based companies hiring tech talent.' },
  { key: 'disney', name: 'The Walt Disney Company', type: 'employer', subtype: 'enterprise', website: 'https://thewaltdisneycompany.com', description: 'No. 3 of the top LA-based companies hiring tech talent.' },
  { key: 'spacex', name: 'SpaceX', type: 'employer', subtype: 'enterprise', website: 'https://www.spacex.com', description: 'No. 4 of the top LA-based companies hiring tech talent.' },
  { key: 'sce', name: 'Southern California Edison', type: 'employer', subtype: 'enterprise', website: 'https://www.sce.com', description: 'No. 5 of the top LA-based companies hiring tech talent.' },
  { key: 'directv', name: 'DIRECTV', type: 'employer', subtype: 'enterprise', website: 'https://www.directv.com', description: 'No. 6 of the top LA-based companies hiring tech talent.' },
  { key: 'amgen', name: 'Amgen', type: 'employer', subtype: 'enterprise', website: 'https://www.amgen.com', description: 'No. 10 of the top LA-based companies hiring tech talent.' },
  { key: 'youtube', name: 'YouTube', type: 'employer', subtype: 'tech_company', website: 'https://www.youtube.com', description: 'Silicon Beach tech firm (Chapter 2).' },
  { key: 'google', name: 'Google', type: 'employer', subtype: 'tech_company', website: 'https://about.google', description: 'Silicon Beach tech firm (Chapter 2); 98% of its US employees were exposed to computer science before college.' },
  { key: 'buzzfeed', name: 'BuzzFeed', type: 'employer', subtype: 'tech_company', website: 'https://www.buzzfeed.com', description: 'Silicon Beach tech firm (Chapter 2).' },
  // Education (Chapters 2–3; top hiring list nos. 7 and 8)
  { key: 'smc', name: 'Santa Monica College', type: 'college', subtype: 'community_college', website: 'https://www.smc.edu', description: 'AWS cloud certification program and coding boot camp (Spotlight #2).' },
  { key: 'pierce', name: 'Pierce College', type: 'college', subtype: 'community_college', website: 'https://www.piercecollege.edu', description: 'Design and media arts program and coding boot camp; host of the Snap design competition (Spotlight #1).' },
  { key: 'ucla', name: 'UCLA', type: 'university', subtype: 'research_university', website: 'https://www.ucla.edu', description: 'One of LA’s three top research universities; No. 8 of the top companies hiring tech talent.' },
  { key: 'usc', name: 'USC', type: 'university', subtype: 'research_university', website: 'https://www.usc.edu', description: 'One of LA’s three top research universities; No. 7 of the top companies hiring tech talent.' },
  { key: 'caltech', name: 'Caltech', type: 'university', subtype: 'research_university', website: 'https://www.caltech.edu', description: 'One of LA’s three top research universities.' },
  { key: 'lausd', name: 'Los Angeles Unified School District (LAUSD)', type: 'k12', subtype: 'school_district', website: 'https://www.lausd.org', description: 'K-12 leadership in the coalition structure (Chapter 4).' },
  // Non-profits, funders and government (Recommendation #2)
  { key: 'ccw', name: 'Center for Competitive Workforce', type: 'nonprofit', subtype: null, website: null, description: 'Aggregates employer and market data and talent supply information (Recommendation #2, Step 3).' },
  { key: 'oaw', name: 'Opportunity@Work', type: 'nonprofit', subtype: null, website: 'https://opportunityatwork.org', description: 'Named among the non-profit stakeholders to recruit (Recommendation #2).' },
  { key: 'jpmc', name: 'JPMorgan Chase', type: 'funder', subtype: 'bank', website: 'https://www.jpmorganchase.com', description: 'Funder named among the stakeholders to recruit (Recommendation #2).' },
  { key: 'kresge', name: 'Kresge Foundation', type: 'funder', subtype: 'foundation', website: 'https://kresge.org', description: 'Funder named among the stakeholders to recruit (Recommendation #2).' },
  { key: 'cde', name: 'California Department of Education', type: 'government', subtype: 'state_agency', website: 'https://www.cde.ca.gov', description: 'Named among the stakeholders to recruit (Recommendation #2).' },
  { key: 'mayor', name: "Office of the Mayor of Los Angeles", type: 'government', subtype: 'city_office', website: 'https://mayor.lacity.gov', description: "Launched the LA Tech Talent Challenge with Bixel Exchange in 2017; frames formal recognition of community partners (Recommendation #1)." },
  { key: 'cccco', name: "California Community Colleges Chancellor's Office", type: 'government', subtype: 'state_agency', website: 'https://www.cccco.edu', description: 'Anticipates 15% enrollment growth on LA and Ventura county campuses, 2013–2023 (Chapter 2).' },
];

export const DEMO_PASSWORD = 'coalition-demo';

export interface SeedPerson {
  name: string;
  title: string;
  org: string;
  roles: Role[];
  /** Demo sign-in account (CONTRACT "The demo coalition"); absent for directory-only contacts. */
  account?: string;
  email?: string;
}

export const people: SeedPerson[] = [
  { account: 'coordinator@la-tech.demo', name: 'Maya Chen', title: 'Coalition Coordinator', org: 'bixel', roles: ['coordinator', 'leadership_council'] },
  { account: 'employer@la-tech.demo', name: 'Jordan Rivera', title: 'Engineering Hiring Manager', org: 'snap', roles: ['member', 'champion'] },
  { account: 'educator@la-tech.demo', name: 'Alicia Gómez', title: 'Professor of Computer Science', org: 'pierce', roles: ['member', 'point_of_contact', 'facilitator'] },
  { account: 'student@la-tech.demo', name: 'Luis Hernández', title: 'Student, Computer Science', org: 'smc', roles: ['student'] },
  { account: 'government@la-tech.demo', name: 'Dana Brooks', title: 'Senior Advisor, Economic Development', org: 'mayor', roles: ['leadership_council', 'member'] },
  { name: 'Priya Natarajan', title: 'Director of University Partnerships', org: 'aws', roles: ['initiative_leader', 'champion'], email: 'priya.natarajan@example.org' },
  { name: 'Marcus Lee', title: 'Dean of Workforce Development', org: 'smc', roles: ['point_of_contact', 'leadership_council'], email: 'marcus.lee@example.org' },
  { name: 'Grace Kim', title: 'Consortium Director', org: 'lahitech', roles: ['initiative_leader', 'point_of_contact'], email: 'grace.kim@example.org' },
  { name: 'Daniel Ortiz', title: 'Curriculum Advisor, Career Technical Education', org: 'lausd', roles: ['point_of_contact', 'member'], email: 'daniel.ortiz@example.org' },
  { name: 'Sofia Alvarez', title: 'Vice President, Community Affairs', org: 'chamber', roles: ['leadership_council', 'facilitator'], email: 'sofia.alvarez@example.org' },
  { name: 'Ethan Walker', title: 'Diversity and Inclusion Lead', org: 'disney', roles: ['champion', 'volunteer'], email: 'ethan.walker@example.org' },
  { name: 'Hannah Park', title: 'Program Officer', org: 'kresge', roles: ['member'], email: 'hannah.park@example.org' },
];
