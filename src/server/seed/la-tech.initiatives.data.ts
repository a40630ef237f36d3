import type { InitiativeCategory, StrategicPriority } from '../../shared/initiatives.contract.js';

/**
 * The paper's examples of common initiatives (Chapter 4, Phase 1 Step 3), each with an owner from
 * the seeded people, a RACI table, a plausible action plan, costs and requirements. Dates are day
 * offsets from the start of the demo's program year (a Monday about two months before the seed
 * runs), so the demo always has work done, under way and ahead. `window` is the internship
 * application window the time-sensitive work is aligned to (Phase 1 "Set Timeline").
 */
export const applicationWindow = { label: 'Summer internship applications', opensAt: 140, weeks: 8 };
export const strategySessionOffset = -14;

export interface SeedTask {
  key: string;
  name: string;
  /** Days after the program year starts; `window` = the day the application window opens. */
  at: number | 'window';
  days: number;
  after?: string[];
  assignee?: string;
  /** What the plan said when its baseline was saved, where it has changed since. */
  baselineDays?: number;
  /** Work is behind: progress is this share of what the calendar says. */
  lagging?: number;
}

export interface SeedInitiative {
  key: string;
  title: string;
  category: InitiativeCategory;
  description: string;
  owner: string;
  strategicPriorities: StrategicPriority[];
  recommendations: number[];
  goals: { metricKey: string; target: number; description: string | null }[];
  alignedToWindow: boolean;
  /** Days after the program year starts; for window-aligned work, the day before the window opens. */
  targetAt: number | 'window';
  team: { person: string; raci: 'responsible' | 'accountable' | 'consulted' | 'informed'; role: string; responsibilities: string; pointOfContact?: boolean }[];
  tasks: SeedTask[];
  costs: { category: string; description: string; budget: number; actual?: number }[];
  requirements: { kind: 'funding' | 'staffing' | 'in_kind'; description: string; amount?: number; quantity?: number; hours?: number }[];
}

export const seedInitiatives: SeedInitiative[] = [
  {
    key: 'soft',
    title: 'Career readiness workshops',
    category: 'soft_skill_development',
    description: 'Workshops that equip students with professional skills: resume writing, interviewing and public speaking, finished before internship applications open.',
    owner: 'Sofia Alvarez',
    strategicPriorities: ['talent_pipeline', 'champion_network'],
    recommendations: [3, 5],
    goals: [{ metricKey: 'soft_skill_wbl', target: 25, description: 'Soft-skill workshops and mock-interview days held' }],
    alignedToWindow: true,
    targetAt: 'window',
    team: [
      { person: 'Sofia Alvarez', raci: 'accountable', role: 'Initiative leader', responsibilities: 'Owns the workshop calendar and reports to the Leadership Council', pointOfContact: true },
      { person: 'Jordan Rivera', raci: 'responsible', role: 'Volunteer lead', responsibilities: 'Recruits Snap volunteers as interviewers and speakers', pointOfContact: true },
      { person: 'Alicia Gómez', raci: 'responsible', role: 'Campus host', responsibilities: 'Books rooms and promotes the workshops to Pierce students', pointOfContact: true },
      { person: 'Marcus Lee', raci: 'consulted', role: 'Campus host', responsibilities: 'Schedules the Santa Monica College sessions', pointOfContact: true },
      { person: 'Maya Chen', raci: 'informed', role: 'Coordinator', responsibilities: 'Tracks the workshops in the master plan' },
    ],
    tasks: [
      { key: 'soft.volunteers', name: 'Recruit volunteer facilitators from member employers', at: 0, days: 21, assignee: 'Jordan Rivera' },
      { key: 'soft.curriculum', name: 'Write workshop curriculum: resume, interviewing, public speaking', at: 14, days: 21, assignee: 'Sofia Alvarez' },
      { key: 'soft.resume', name: 'Resume writing workshops on four campuses', at: 35, days: 28, after: ['soft.volunteers', 'soft.curriculum'], assignee: 'Alicia Gómez' },
      { key: 'soft.mock', name: 'Mock interview days', at: 63, days: 14, after: ['soft.resume'], assignee: 'Jordan Rivera', lagging: 0.4 },
      { key: 'soft.speaking', name: 'Public speaking clinic', at: 70, days: 10, after: ['soft.curriculum'], assignee: 'Sofia Alvarez' },
      { key: 'soft.ready', name: 'Students ready for the application window', at: 0, days: 0, after: ['soft.mock', 'soft.speaking'] },
    ],
    costs: [
      { category: 'workshop', description: 'Workshop materials and printing', budget: 4_000, actual: 2_150 },
      { category: 'venue', description: 'Catering for mock interview days', budget: 3_000 },
      { category: 'stipend', description: 'Student ambassador stipends', budget: 5_000, actual: 1_250 },
    ],
    requirements: [
      { kind: 'funding', description: 'Workshop materials, catering and ambassador stipends', amount: 12_000 },
      { kind: 'staffing', description: 'Volunteer interviewers from member employers', quantity: 20, hours: 160 },
      { kind: 'in_kind', description: 'Meeting rooms for the mock interview days', amount: 4_000, quantity: 4 },
    ],
  },
  {
    key: 'hard',
    title: 'Real-world projects embedded in courses',
    category: 'hard_skill_development',
    description: 'Employers and faculty embed real-world project scenarios into existing course offerings on campus (cloud, web and data projects).',
    owner: 'Priya Natarajan',
    strategicPriorities: ['talent_pipeline', 'information_exchange'],
    recommendations: [3, 5],
    goals: [{ metricKey: 'hard_skill_wbl', target: 25, description: 'Course projects briefed and judged by employers' }],
    alignedToWindow: false,
    targetAt: 210,
    team: [
      { person: 'Priya Natarajan', raci: 'accountable', role: 'Initiative leader', responsibilities: 'Brokers project briefs from AWS and other employers', pointOfContact: true },
      { person: 'Alicia Gómez', raci: 'responsible', role: 'Faculty lead', responsibilities: 'Fits the projects into the computer science courses', pointOfContact: true },
      { person: 'Jordan Rivera', raci: 'consulted', role: 'Project sponsor', responsibilities: 'Writes a design brief and judges the demos', pointOfContact: true },
      { person: 'Marcus Lee', raci: 'consulted', role: 'Dean', responsibilities: 'Approves course changes at Santa Monica College', pointOfContact: true },
    ],
    tasks: [
      { key: 'hard.match', name: 'Match employers to courses', at: 0, days: 14, assignee: 'Priya Natarajan' },
      { key: 'hard.briefs', name: 'Scope real-world project briefs with faculty', at: 14, days: 21, after: ['hard.match'], assignee: 'Alicia Gómez' },
      { key: 'hard.run', name: 'Run embedded projects in spring courses', at: 133, days: 70, after: ['hard.briefs'], assignee: 'Alicia Gómez' },
      { key: 'hard.demos', name: 'Project demos to employers', at: 0, days: 0, after: ['hard.run'] },
    ],
    costs: [
      { category: 'technology', description: 'Cloud lab accounts for student projects', budget: 6_000 },
      { category: 'materials', description: 'Demo day judging materials', budget: 1_500 },
    ],
    requirements: [
      { kind: 'in_kind', description: 'Cloud credits for student projects', amount: 10_000 },
      { kind: 'staffing', description: 'Employer mentors for project teams', quantity: 8, hours: 120 },
    ],
  },
  {
    key: 'faculty',
    title: 'Faculty externships at tech companies',
    category: 'faculty_education',
    description: 'Externships and professional development that let faculty experience the on-the-job environment at a tech company and bring it back into their curriculum.',
    owner: 'Marcus Lee',
    strategicPriorities: ['information_exchange', 'champion_network'],
    recommendations: [3, 5],
    goals: [{ metricKey: 'faculty_externships', target: 100, description: 'Faculty externship placements this calendar year' }],
    alignedToWindow: false,
    targetAt: 150,
    team: [
      { person: 'Marcus Lee', raci: 'accountable', role: 'Initiative leader', responsibilities: 'Recruits faculty and reports placements', pointOfContact: true },
      { person: 'Ethan Walker', raci: 'responsible', role: 'Host coordinator', responsibilities: 'Finds externship hosts across Disney teams', pointOfContact: true },
      { person: 'Priya Natarajan', raci: 'responsible', role: 'Host coordinator', responsibilities: 'Hosts faculty at AWS', pointOfContact: true },
      { person: 'Hannah Park', raci: 'informed', role: 'Funder', responsibilities: 'Receives the externship report', pointOfContact: true },
    ],
    tasks: [
      { key: 'faculty.hosts', name: 'Recruit host companies for externships', at: 0, days: 42, baselineDays: 28, assignee: 'Ethan Walker' },
      { key: 'faculty.match', name: 'Match faculty to hosts', at: 28, days: 14, after: ['faculty.hosts'], assignee: 'Marcus Lee' },
      { key: 'faculty.onsite', name: 'Externships on site (two weeks)', at: 0, days: 14, after: ['faculty.match'], assignee: 'Marcus Lee' },
      { key: 'faculty.debrief', name: 'Externship debriefs and lesson updates', at: 0, days: 14, after: ['faculty.onsite'], assignee: 'Marcus Lee' },
      { key: 'faculty.report', name: 'Externship reports filed', at: 0, days: 0, after: ['faculty.debrief'] },
    ],
    costs: [
      { category: 'stipend', description: 'Faculty externship stipends (20 × $2,000)', budget: 40_000 },
      { category: 'travel', description: 'Travel to host sites', budget: 3_500 },
    ],
    requirements: [
      { kind: 'funding', description: 'Faculty stipends and travel', amount: 43_500 },
      { kind: 'staffing', description: 'Host supervisors at member employers', quantity: 20, hours: 400 },
    ],
  },
  {
    key: 'curriculum',
    title: 'Industry feedback forum on curriculum changes',
    category: 'curriculum_updates',
    description: 'A forum where industry professionals give real-time feedback on planned curriculum changes.',
    owner: 'Alicia Gómez',
    strategicPriorities: ['information_exchange'],
    recommendations: [3, 6],
    goals: [{ metricKey: 'curriculum_updates', target: 6, description: 'Courses updated with industry feedback' }],
    alignedToWindow: false,
    targetAt: 180,
    team: [
      { person: 'Alicia Gómez', raci: 'accountable', role: 'Initiative leader', responsibilities: 'Collects planned changes and chairs the forum', pointOfContact: true },
      { person: 'Daniel Ortiz', raci: 'consulted', role: 'K-12 curriculum advisor', responsibilities: 'Aligns high-school pathways with the college changes', pointOfContact: true },
      { person: 'Jordan Rivera', raci: 'consulted', role: 'Industry reviewer', responsibilities: 'Reviews the proposed course changes', pointOfContact: true },
      { person: 'Maya Chen', raci: 'responsible', role: 'Facilitator', responsibilities: 'Convenes the forum and records feedback' },
    ],
    tasks: [
      { key: 'curriculum.collect', name: 'Collect planned curriculum changes from colleges', at: 7, days: 21, assignee: 'Alicia Gómez' },
      { key: 'curriculum.forum', name: 'Industry feedback forum', at: 28, days: 1, after: ['curriculum.collect', 'faculty.debrief'], assignee: 'Maya Chen' },
      { key: 'curriculum.consolidate', name: 'Consolidate feedback into curriculum proposals', at: 0, days: 14, after: ['curriculum.forum'], assignee: 'Alicia Gómez' },
      { key: 'curriculum.submit', name: 'Submission to the curriculum committees', at: 0, days: 0, after: ['curriculum.consolidate'] },
    ],
    costs: [{ category: 'venue', description: 'Forum venue and refreshments', budget: 2_500 }],
    requirements: [{ kind: 'funding', description: 'Forum venue', amount: 2_500 }],
  },
  {
    key: 'supplemental',
    title: 'Classroom projects for student portfolios',
    category: 'supplemental_learning',
    description: 'Additional classroom projects in LA HI-TECH high schools and colleges so students build work portfolios.',
    owner: 'Grace Kim',
    strategicPriorities: ['talent_pipeline'],
    recommendations: [3],
    goals: [{ metricKey: 'student_portfolios', target: 300, description: 'Students with a portfolio project' }],
    alignedToWindow: false,
    targetAt: 210,
    team: [
      { person: 'Grace Kim', raci: 'accountable', role: 'Initiative leader', responsibilities: 'Runs the project library and teacher onboarding', pointOfContact: true },
      { person: 'Daniel Ortiz', raci: 'responsible', role: 'District lead', responsibilities: 'Brings LAUSD classrooms into the program', pointOfContact: true },
      { person: 'Marcus Lee', raci: 'consulted', role: 'College partner', responsibilities: 'Offers college credit for the projects', pointOfContact: true },
    ],
    tasks: [
      { key: 'supplemental.library', name: 'Build a classroom project library', at: 21, days: 28, assignee: 'Grace Kim' },
      { key: 'supplemental.teachers', name: 'Onboard teachers at partner high schools', at: 49, days: 14, after: ['supplemental.library'], assignee: 'Daniel Ortiz' },
      { key: 'supplemental.run', name: 'Classroom projects run', at: 133, days: 56, after: ['supplemental.teachers'], assignee: 'Grace Kim' },
      { key: 'supplemental.showcase', name: 'Portfolio showcase with employers', at: 0, days: 0, after: ['supplemental.run', 'hard.demos'] },
    ],
    costs: [{ category: 'materials', description: 'Classroom project kits', budget: 15_000, actual: 6_800 }],
    requirements: [{ kind: 'funding', description: 'Project kits for 12 classrooms', amount: 15_000 }],
  },
  {
    key: 'wbl',
    title: 'Portfolio of company-led work-based learning activities',
    category: 'work_based_learning',
    description: 'Job shadows, panels and site visits that introduce thousands of local students to careers in tech and thousands of tech employees to a diverse local talent pool.',
    owner: 'Jordan Rivera',
    strategicPriorities: ['talent_pipeline', 'champion_network'],
    recommendations: [3, 6],
    goals: [
      { metricKey: 'soft_skill_wbl', target: 25, description: 'Panels and job shadows' },
      { metricKey: 'hard_skill_wbl', target: 25, description: 'Technical site visits and hack days' },
    ],
    alignedToWindow: false,
    targetAt: 120,
    team: [
      { person: 'Jordan Rivera', raci: 'accountable', role: 'Initiative leader', responsibilities: 'Signs up employer activities', pointOfContact: true },
      { person: 'Ethan Walker', raci: 'responsible', role: 'Employer champion', responsibilities: 'Hosts site visits at Disney', pointOfContact: true },
      { person: 'Grace Kim', raci: 'consulted', role: 'Student outreach', responsibilities: 'Fills activities with students from partner schools', pointOfContact: true },
      { person: 'Maya Chen', raci: 'informed', role: 'Coordinator', responsibilities: 'Publishes the activity calendar' },
    ],
    tasks: [
      { key: 'wbl.commit', name: 'Collect activity commitments from employers', at: 0, days: 35, assignee: 'Jordan Rivera' },
      { key: 'wbl.calendar', name: 'Publish the activity calendar to points of contact', at: 35, days: 7, after: ['wbl.commit'], assignee: 'Maya Chen' },
      { key: 'wbl.run', name: 'Run first-semester activities', at: 42, days: 70, after: ['wbl.calendar'], assignee: 'Ethan Walker', lagging: 0.4 },
      { key: 'wbl.held', name: '50 work-based learning activities held', at: 0, days: 0, after: ['wbl.run'] },
    ],
    costs: [{ category: 'travel', description: 'Buses for site visits', budget: 18_000, actual: 7_200 }],
    requirements: [
      { kind: 'funding', description: 'Transport for site visits', amount: 18_000 },
      { kind: 'staffing', description: 'Employee volunteers for panels and shadows', quantity: 40, hours: 240 },
    ],
  },
  {
    key: 'internships',
    title: 'Internship pipeline',
    category: 'internships',
    description: 'A pipeline of internship opportunities where students gain relevant work experience and build a network for eventual job placement.',
    owner: 'Maya Chen',
    strategicPriorities: ['talent_pipeline'],
    recommendations: [3, 5, 7],
    goals: [{ metricKey: 'internship_placements', target: 500, description: 'Students placed in internships' }],
    alignedToWindow: true,
    targetAt: 280,
    team: [
      { person: 'Maya Chen', raci: 'accountable', role: 'Initiative leader', responsibilities: 'Runs the pipeline with employers and colleges', pointOfContact: true },
      { person: 'Priya Natarajan', raci: 'responsible', role: 'Employer recruiter', responsibilities: 'Brings AWS and partner openings', pointOfContact: true },
      { person: 'Marcus Lee', raci: 'responsible', role: 'Career placement', responsibilities: 'Refers Santa Monica College applicants', pointOfContact: true },
      { person: 'Alicia Gómez', raci: 'responsible', role: 'Career placement', responsibilities: 'Refers Pierce College applicants', pointOfContact: true },
      { person: 'Dana Brooks', raci: 'informed', role: 'Leadership Council', responsibilities: 'Shares placement numbers with the Mayor’s office', pointOfContact: true },
      { person: 'Hannah Park', raci: 'informed', role: 'Funder', responsibilities: 'Receives the pipeline report for Kresge', pointOfContact: true },
    ],
    tasks: [
      { key: 'internships.openings', name: 'Collect internship openings from employers', at: 14, days: 42, assignee: 'Priya Natarajan', lagging: 0.7 },
      { key: 'internships.bootcamp', name: 'Pre-internship coding boot camp', at: 98, days: 28, after: ['soft.resume'], assignee: 'Marcus Lee' },
      { key: 'internships.open', name: 'Application window opens', at: 'window', days: 0, after: ['internships.openings', 'soft.ready', 'internships.bootcamp'] },
      { key: 'internships.screen', name: 'Screen and refer applicants', at: 'window', days: 56, after: ['internships.open'], assignee: 'Marcus Lee' },
      { key: 'internships.offers', name: 'Interviews and offers', at: 0, days: 42, after: ['internships.screen'], assignee: 'Priya Natarajan' },
      { key: 'internships.onboarding', name: 'Onboarding and pre-start paperwork', at: 0, days: 28, after: ['internships.offers'], assignee: 'Maya Chen' },
      { key: 'internships.start', name: 'Summer internships start', at: 0, days: 0, after: ['internships.onboarding'] },
    ],
    costs: [
      { category: 'boot_camp', description: 'Pre-internship coding boot camp', budget: 30_000 },
      { category: 'workshop', description: 'Employer information sessions', budget: 2_000, actual: 900 },
    ],
    requirements: [
      { kind: 'funding', description: 'Boot camp instructors and information sessions', amount: 60_000 },
      { kind: 'staffing', description: 'Career advisers for screening', quantity: 4, hours: 320 },
    ],
  },
];

export const seedPledges = [
  { org: 'JPMorgan Chase', initiative: 'internships', kind: 'cash' as const, amount: 50_000, status: 'pledged' as const, description: 'Internship pipeline and boot camp', atDay: -10 },
  { org: 'Kresge Foundation', initiative: 'faculty', kind: 'cash' as const, amount: 30_000, status: 'received' as const, description: 'Faculty externship stipends', atDay: -20 },
  { org: 'Kresge Foundation', initiative: null, kind: 'cash' as const, amount: 10_000, status: 'pledged' as const, description: 'General support of the coalition', atDay: -20 },
  { org: 'Amazon Web Services', initiative: 'hard', kind: 'in_kind' as const, amount: 10_000, status: 'received' as const, description: 'AWS Educate cloud credits', atDay: 5 },
  { org: 'Snap Inc.', initiative: 'soft', kind: 'in_kind' as const, amount: 4_000, status: 'pledged' as const, description: 'Meeting rooms for mock interview days', atDay: 20 },
];

export const seedRisks = [
  { initiative: 'faculty', title: 'Too few host companies for faculty externships', likelihood: 4, impact: 4, impactOn: ['timeline', 'scope'], owner: 'Marcus Lee', status: 'mitigating', mitigation: 'Ask every champion for one host team; offer half-day job shadows as a fallback.', tasks: ['faculty.hosts', 'faculty.match', 'faculty.onsite'] },
  { initiative: 'internships', title: 'Boot camp not fully funded', likelihood: 3, impact: 4, impactOn: ['cost', 'scope'], owner: 'Maya Chen', status: 'open', mitigation: 'Present the gap to JPMorgan Chase and Kresge; shorten the boot camp to three weeks if needed.', tasks: ['internships.bootcamp'] },
  { initiative: 'internships', title: 'Employers move the application window earlier', likelihood: 2, impact: 5, impactOn: ['timeline'], owner: 'Priya Natarajan', status: 'open', mitigation: 'Confirm recruiting calendars with each employer before the boot camp starts.', tasks: ['internships.open'] },
  { initiative: 'soft', title: 'Volunteer facilitators drop out near finals', likelihood: 3, impact: 2, impactOn: ['timeline'], owner: 'Jordan Rivera', status: 'open', mitigation: 'Keep a bench of backup volunteers from three employers.', tasks: ['soft.mock'] },
  { initiative: 'supplemental', title: 'Student data-sharing approvals delayed', likelihood: 2, impact: 3, impactOn: ['timeline'], owner: 'Daniel Ortiz', status: 'closed', mitigation: 'Approved under the district’s existing partner agreement.', tasks: [] },
];

export const seedPriorities = [
  { org: 'Snap Inc.', author: 'Jordan Rivera', kind: 'candidate_profile', title: 'Entry-level designer and engineer profile', details: 'Portfolio of shipped projects, clear presentation of design decisions, comfortable giving and taking critique.', skills: ['Critical Thinking', 'Speaking', 'JavaScript', 'UX/UI Design'] },
  { org: 'Amazon Web Services', author: 'Priya Natarajan', kind: 'candidate_profile', title: 'Cloud support associate profile', details: 'Cloud fundamentals certification, Linux basics, troubleshooting under time pressure, customer communication.', skills: ['Cloud Computing', 'Linux', 'Troubleshooting', 'Active Listening'] },
  { org: 'Pierce College', author: 'Alicia Gómez', kind: 'preparation_need', title: 'What our students need before internship interviews', details: 'Resume reviews, mock technical interviews and a project to talk about by January.', skills: ['Writing', 'Speaking'] },
  { org: 'Santa Monica College', author: 'Marcus Lee', kind: 'wbl_timing', title: 'When work-based learning fits the calendar', details: 'Spring courses can host employer projects from week 3 to week 12; winter break suits faculty externships.', skills: [] },
  { org: 'Los Angeles Unified School District (LAUSD)', author: 'Daniel Ortiz', kind: 'preparation_need', title: 'High-school pathway students need portfolio projects', details: 'Short classroom projects that count toward the ICT pathway and a portfolio.', skills: ['Web Development', 'Data Analysis'] },
];

/** Each voter's ranking at the strategy session, most important first (initiative keys). */
export const seedBallots: Record<string, string[]> = {
  'Maya Chen': ['internships', 'soft', 'wbl', 'faculty', 'hard', 'curriculum', 'supplemental'],
  'Jordan Rivera': ['hard', 'internships', 'wbl', 'soft', 'curriculum'],
  'Alicia Gómez': ['faculty', 'curriculum', 'soft', 'internships', 'hard', 'supplemental'],
  'Dana Brooks': ['internships', 'wbl', 'soft', 'supplemental', 'faculty'],
  'Priya Natarajan': ['internships', 'hard', 'faculty', 'wbl'],
  'Marcus Lee': ['faculty', 'internships', 'soft', 'curriculum', 'hard', 'wbl', 'supplemental'],
  'Grace Kim': ['supplemental', 'wbl', 'internships', 'soft'],
};
