import type { ApplicationStatus } from '../../shared/applications.contract.js';
import type { CapacityInput, EngagementKind, EngagementStatus } from '../../shared/engagements.contract.js';
import type { Audience, OpportunityKind, OpportunityStatus } from '../../shared/opportunities.contract.js';
import { cohortApplications, cohortOpportunity, cohortStudents } from './pipeline.cohort.data.js';

/**
 * The talent pipeline of the demo coalition, from the white paper's Recommendation #3 (soft- and
 * hard-skill work-based learning, faculty externships, internships), Spotlight #1 (Snap's 8-week
 * design competition at Pierce College), Spotlight #2 (AWS and Santa Monica College; SMC's coding
 * boot camp) and the LA Tech Talent Challenge (paid internships; 600 applied, 100 placed, 30% hired).
 * Dates are days from the day the demo is seeded, so open opportunities stay open.
 * Students are fictional; organization keys are those of la-tech.data.ts.
 */
export interface SeedOpportunity {
  key: string;
  kind: OpportunityKind;
  title: string;
  description: string;
  host: string;
  institution?: string;
  pathway?: string;
  audiences: Audience[];
  compensation: 'paid' | 'stipend' | 'unpaid';
  pay?: [number, 'hour' | 'week' | 'month' | 'year' | 'total'];
  seats?: number;
  /** Days from today. */
  starts: number;
  ends: number;
  deadline?: number;
  hoursPerWeek?: number;
  minimumAge?: number;
  modality: 'in_person' | 'online' | 'hybrid';
  location: string;
  status: OpportunityStatus;
  skills: [string, number][];
}

export const opportunities: SeedOpportunity[] = [
  { key: 'resume', kind: 'soft_skill_wbl', title: 'Résumé writing workshop', description: 'Soft Skill Development (Recommendation #3): recruiters review and rewrite students’ résumés with them.', host: 'disney', institution: 'smc', audiences: ['college'], compensation: 'unpaid', seats: 40, starts: -75, ends: -75, hoursPerWeek: 3, modality: 'in_person', location: 'Santa Monica College, Santa Monica, CA', status: 'completed', skills: [['Writing', 5], ['Critical Thinking', 2]] },
  { key: 'interviewing', kind: 'soft_skill_wbl', title: 'Interviewing skills workshop', description: 'Soft Skill Development (Recommendation #3): mock interviews with Snap engineers and recruiters.', host: 'snap', institution: 'pierce', audiences: ['college'], compensation: 'unpaid', seats: 30, starts: -50, ends: -50, hoursPerWeek: 3, modality: 'in_person', location: 'Pierce College, Woodland Hills, CA', status: 'completed', skills: [['Speaking', 4], ['Active Listening', 4]] },
  { key: 'speaking', kind: 'soft_skill_wbl', title: 'Public speaking workshop for high-school students', description: 'Soft Skill Development (Recommendation #3): presenting a project to an audience, with AWS volunteers.', host: 'aws', institution: 'lausd', audiences: ['k12'], compensation: 'unpaid', seats: 25, starts: 35, ends: 35, deadline: 28, hoursPerWeek: 2, modality: 'in_person', location: 'Los Angeles, CA', status: 'open', skills: [['Speaking', 5], ['Writing', 2]] },
  { key: 'db-project', kind: 'hard_skill_wbl', title: 'Real-world project in Database Essentials', description: 'Hard Skill Development (Recommendation #3; Spotlight #2): an AWS scenario embedded in SMC’s Database Essentials course.', host: 'aws', institution: 'smc', pathway: 'Cloud Computing', audiences: ['college'], compensation: 'unpaid', seats: 35, starts: -110, ends: -30, hoursPerWeek: 4, modality: 'hybrid', location: 'Santa Monica College, Santa Monica, CA', status: 'completed', skills: [['Database Design', 5], ['Structured query language SQL', 4], ['Amazon Web Services AWS software', 3]] },
  { key: 'snap-competition', kind: 'classroom_engagement', title: 'Snap Careers Ladder design competition (8 weeks)', description: 'Spotlight #1: Snap employees taught 4-hour sessions over 8 weeks at Pierce College with LA HI-TECH; students added the project to their portfolios.', host: 'snap', institution: 'pierce', pathway: 'Design, Visual & Media Arts', audiences: ['college'], compensation: 'unpaid', seats: 30, starts: -80, ends: -24, hoursPerWeek: 4, modality: 'in_person', location: 'Pierce College, Woodland Hills, CA', status: 'completed', skills: [['UX/UI Design', 5], ['Figma', 4], ['Technology Design', 3]] },
  { key: 'externship', kind: 'faculty_externship', title: 'AWS cloud faculty externship', description: 'Faculty Education (Recommendation #3): two weeks with an AWS team so faculty can bring current practice into their courses.', host: 'aws', pathway: 'Cloud Computing', audiences: ['faculty'], compensation: 'stipend', pay: [2000, 'total'], seats: 6, starts: 70, ends: 84, deadline: 40, hoursPerWeek: 40, modality: 'in_person', location: 'Los Angeles, CA', status: 'open', skills: [['Cloud Computing', 4], ['Amazon Web Services AWS software', 4]] },
  { key: 'snap-intern', kind: 'internship', title: 'Tech Talent Challenge: software engineering intern', description: 'A paid internship through the LA Tech Talent Challenge (Bixel Exchange and the Mayor’s Office), connecting low-income students to tech internships.', host: 'snap', pathway: 'Software & Systems Development', audiences: ['college', 'university'], compensation: 'paid', pay: [25, 'hour'], seats: 5, starts: 60, ends: 130, deadline: 30, hoursPerWeek: 20, minimumAge: 18, modality: 'hybrid', location: 'Santa Monica, CA', status: 'open', skills: [['Python', 5], ['JavaScript', 4], ['Git', 3], ['React', 3]] },
  { key: 'aws-intern', kind: 'internship', title: 'Tech Talent Challenge: cloud support intern', description: 'A paid internship through the LA Tech Talent Challenge; interns who do well are offered part- or full-time roles.', host: 'aws', pathway: 'Cloud Computing', audiences: ['college', 'university'], compensation: 'paid', pay: [24, 'hour'], seats: 4, starts: -100, ends: -12, deadline: -115, hoursPerWeek: 25, minimumAge: 18, modality: 'in_person', location: 'Los Angeles, CA', status: 'closed', skills: [['Cloud Computing', 5], ['Amazon Web Services AWS software', 5], ['Linux', 3], ['Computer Networking', 3]] },
  { key: 'jpl-intern', kind: 'internship', title: 'Tech Talent Challenge: data science intern', description: 'A paid internship through the LA Tech Talent Challenge at NASA JPL, the top LA-based employer hiring tech talent.', host: 'jpl', pathway: 'Data Science', audiences: ['college', 'university'], compensation: 'paid', pay: [26, 'hour'], seats: 3, starts: 75, ends: 150, deadline: 45, hoursPerWeek: 20, minimumAge: 18, modality: 'in_person', location: 'Pasadena, CA', status: 'open', skills: [['Python', 5], ['Data Analysis', 4], ['The MathWorks MATLAB', 3], ['Mathematics', 3]] },
  { key: 'aws-apprentice', kind: 'apprenticeship', title: 'Cloud support apprenticeship', description: 'Earn while you learn (the paper names apprenticeships among the coalition’s offerings): a paid year of on-the-job cloud training with AWS Educate coursework.', host: 'aws', pathway: 'Cloud Computing', audiences: ['college', 'university'], compensation: 'paid', pay: [22, 'hour'], seats: 6, starts: 90, ends: 455, deadline: 50, hoursPerWeek: 30, minimumAge: 18, modality: 'in_person', location: 'Los Angeles, CA', status: 'open', skills: [['Cloud Computing', 5], ['Amazon Web Services AWS software', 4], ['Linux', 3], ['Cybersecurity', 2]] },
  { key: 'bootcamp', kind: 'boot_camp', title: 'Santa Monica College coding boot camp', description: 'Spotlight #2: half of the students in the AWS program enrolled in SMC’s coding boot camp.', host: 'smc', institution: 'smc', pathway: 'Software & Systems Development', audiences: ['college', 'k12'], compensation: 'unpaid', seats: 40, starts: 40, ends: 124, deadline: 33, hoursPerWeek: 12, modality: 'hybrid', location: 'Santa Monica College, Santa Monica, CA', status: 'open', skills: [['JavaScript', 5], ['Hypertext markup language HTML', 4], ['Cascading style sheets CSS', 3], ['Web Development', 4]] },
  cohortOpportunity,
];

export interface SeedStudent {
  key: string;
  firstName: string;
  lastName: string;
  school: string;
  pathway: string;
  graduationYearOffset: number;
  /** Adults: a fixed date; minors: their age in years today (the date is computed at seeding). */
  born: string | { ageYears: number };
  hoursPerWeek?: number;
  skills: (string | [string, string])[];
  equity: { firstGeneration?: boolean; lowIncome?: boolean; noFourYearDegreePath?: boolean; careerChanger?: boolean };
  /** The demo student account (student@la-tech.demo). */
  account?: true;
  guardianConsent?: true;
  sharesWith?: string[];
  portfolio?: { title: string; url: string; skills: string[]; completedDaysAgo: number }[];
}

export const students: SeedStudent[] = [
  { key: 'luis', firstName: 'Luis', lastName: 'Hernández', school: 'smc', pathway: 'Cloud Computing', graduationYearOffset: 1, born: '2004-05-14', hoursPerWeek: 25, account: true, skills: ['Python', 'Linux', 'Cloud Computing', ['Amazon Web Services AWS software', 'CS 79A Introduction to Cloud Computing']], equity: { firstGeneration: true, lowIncome: true } },
  { key: 'aaliyah', firstName: 'Aaliyah', lastName: 'Johnson', school: 'smc', pathway: 'Software & Systems Development', graduationYearOffset: 1, born: '1993-09-02', hoursPerWeek: 20, skills: ['JavaScript', 'React', 'Git', 'Hypertext markup language HTML'], equity: { careerChanger: true, noFourYearDegreePath: true }, sharesWith: ['snap'] },
  { key: 'minh', firstName: 'Minh', lastName: 'Tran', school: 'smc', pathway: 'Cloud Computing', graduationYearOffset: 0, born: '2003-01-20', hoursPerWeek: 20, skills: [['Structured query language SQL', 'CS 20A Database Essentials'], ['Database Design', 'CS 20A Database Essentials'], 'Python'], equity: { firstGeneration: true } },
  { key: 'sofia', firstName: 'Sofía', lastName: 'Ramírez', school: 'smc', pathway: 'Cybersecurity', graduationYearOffset: 1, born: '2002-11-30', skills: ['Linux', 'Computer Networking', 'Cybersecurity'], equity: { lowIncome: true } },
  { key: 'jamal', firstName: 'Jamal', lastName: 'Carter', school: 'smc', pathway: 'Software & Systems Development', graduationYearOffset: 0, born: '2001-07-08', hoursPerWeek: 20, skills: ['Python', 'Git', 'Structured query language SQL', 'JavaScript'], equity: { firstGeneration: false, lowIncome: true }, sharesWith: ['snap', 'jpl'] },
  { key: 'emily', firstName: 'Emily', lastName: 'Nguyen', school: 'smc', pathway: 'Data Science', graduationYearOffset: 1, born: '2003-04-17', hoursPerWeek: 20, skills: ['Python', 'Data Analysis', 'Tableau', 'Mathematics'], equity: { firstGeneration: true }, sharesWith: ['jpl'] },
  { key: 'carlos', firstName: 'Carlos', lastName: 'Mendoza', school: 'smc', pathway: 'Software & Systems Development', graduationYearOffset: 1, born: '1988-03-12', hoursPerWeek: 15, skills: ['JavaScript', 'Hypertext markup language HTML', 'Cascading style sheets CSS'], equity: { careerChanger: true, noFourYearDegreePath: true, lowIncome: true } },
  { key: 'grace', firstName: 'Grace', lastName: 'Okafor', school: 'smc', pathway: 'Cloud Computing', graduationYearOffset: 0, born: '2002-08-25', hoursPerWeek: 25, skills: ['Cloud Computing', 'Amazon Web Services AWS software', 'Linux'], equity: { firstGeneration: true, lowIncome: true } },
  { key: 'ryan', firstName: 'Ryan', lastName: 'Torres', school: 'smc', pathway: 'Networking', graduationYearOffset: 1, born: '2003-12-03', skills: ['Computer Networking', 'Linux'], equity: {} },
  { key: 'diego', firstName: 'Diego', lastName: 'Morales', school: 'pierce', pathway: 'Design, Visual & Media Arts', graduationYearOffset: 1, born: '2004-02-11', hoursPerWeek: 15, skills: ['Figma', 'UX/UI Design'], equity: { firstGeneration: true, lowIncome: true }, portfolio: [{ title: 'Snap design competition: campus wayfinding lens', url: 'https://example.org/portfolio/diego-wayfinding', skills: ['UX/UI Design', 'Figma', 'Technology Design'], completedDaysAgo: 24 }] },
  { key: 'hannah', firstName: 'Hannah', lastName: 'Lee', school: 'pierce', pathway: 'Design, Visual & Media Arts', graduationYearOffset: 0, born: '2003-06-29', skills: ['Figma', 'JavaScript'], equity: { noFourYearDegreePath: true }, portfolio: [{ title: 'Snap design competition: study-group matcher prototype', url: 'https://example.org/portfolio/hannah-study-groups', skills: ['UX/UI Design', 'Figma'], completedDaysAgo: 24 }] },
  { key: 'kevin', firstName: 'Kevin', lastName: 'Patel', school: 'pierce', pathway: 'Software & Systems Development', graduationYearOffset: 1, born: '2003-10-05', hoursPerWeek: 20, skills: ['Python', 'JavaScript', 'Git', 'React'], equity: { firstGeneration: false } },
  { key: 'ana', firstName: 'Ana', lastName: 'Flores', school: 'pierce', pathway: 'Software & Systems Development', graduationYearOffset: 1, born: '2004-01-19', hoursPerWeek: 20, skills: ['Python', 'Git'], equity: { firstGeneration: true, lowIncome: true } },
  { key: 'marcus', firstName: 'Marcus', lastName: 'Green', school: 'pierce', pathway: 'Networking', graduationYearOffset: 0, born: '2001-05-23', skills: ['Linux', 'Computer Networking'], equity: { careerChanger: true } },
  { key: 'priya', firstName: 'Priya', lastName: 'Shah', school: 'pierce', pathway: 'Data Science', graduationYearOffset: 1, born: '2004-09-09', skills: ['Python', 'R', 'Data Analysis'], equity: {} },
  { key: 'isabella', firstName: 'Isabella', lastName: 'Cruz', school: 'lausd', pathway: 'Software & Systems Development', graduationYearOffset: 2, born: { ageYears: 16 }, skills: ['Speaking', 'Python'], equity: { firstGeneration: true }, guardianConsent: true },
  { key: 'ethan', firstName: 'Ethan', lastName: 'Kim', school: 'lausd', pathway: 'Software & Systems Development', graduationYearOffset: 1, born: { ageYears: 17 }, skills: ['Python', 'JavaScript'], equity: {}, sharesWith: ['snap'] },
  { key: 'olivia', firstName: 'Olivia', lastName: 'Martínez', school: 'lausd', pathway: 'Design, Visual & Media Arts', graduationYearOffset: 3, born: { ageYears: 15 }, skills: ['Figma'], equity: { lowIncome: true } },
  { key: 'noah', firstName: 'Noah', lastName: 'Williams', school: 'lausd', pathway: 'Networking', graduationYearOffset: 2, born: { ageYears: 16 }, skills: ['Computer Networking'], equity: {} },
  { key: 'jasmine', firstName: 'Jasmine', lastName: 'Brown', school: 'lausd', pathway: 'Software & Systems Development', graduationYearOffset: 0, born: { ageYears: 18 }, skills: ['JavaScript', 'Hypertext markup language HTML'], equity: { firstGeneration: true, lowIncome: true } },
  ...cohortStudents,
];

/** Who moved it: the student, the host (an employer account when the demo has one), or the Coordinator. */
export type Mover = 'student' | 'host' | 'coordinator';
export interface SeedApplication {
  student: string;
  opportunity: string;
  /** [status, days ago, who, note?] in order, starting with applied. */
  history: [ApplicationStatus, number, Mover, string?][];
  hireType?: 'part_time' | 'full_time';
  placement?: { supervisorName: string; supervisorEmail: string; hoursCompleted: number; signedOff: boolean };
}

export const applications: SeedApplication[] = [
  // The LA Tech Talent Challenge cohort at AWS: one placement converted to a part-time hire (the paper: 30% hired).
  { student: 'luis', opportunity: 'aws-intern', history: [['applied', 130, 'student'], ['interviewing', 122, 'host'], ['offered', 112, 'host'], ['placed', 100, 'host'], ['completed', 12, 'host'], ['hired', 5, 'host', 'Converted to a part-time cloud support associate']], hireType: 'part_time', placement: { supervisorName: 'Priya Natarajan', supervisorEmail: 'priya.natarajan@example.org', hoursCompleted: 440, signedOff: true } },
  { student: 'grace', opportunity: 'aws-intern', history: [['applied', 128, 'coordinator', 'Referred by Bixel Exchange'], ['interviewing', 121, 'host'], ['offered', 111, 'host'], ['placed', 100, 'host'], ['completed', 12, 'host']], placement: { supervisorName: 'Priya Natarajan', supervisorEmail: 'priya.natarajan@example.org', hoursCompleted: 430, signedOff: true } },
  { student: 'marcus', opportunity: 'aws-intern', history: [['applied', 127, 'coordinator'], ['interviewing', 120, 'host'], ['declined', 114, 'host']] },
  { student: 'ryan', opportunity: 'aws-intern', history: [['applied', 126, 'coordinator'], ['withdrawn', 119, 'coordinator', 'Took a summer job']] },
  // This year's Snap internship: applicants at several stages (what employer@ manages).
  { student: 'kevin', opportunity: 'snap-intern', history: [['applied', 9, 'coordinator'], ['interviewing', 6, 'host'], ['offered', 2, 'host']] },
  { student: 'ana', opportunity: 'snap-intern', history: [['applied', 8, 'coordinator'], ['interviewing', 4, 'host']] },
  { student: 'minh', opportunity: 'snap-intern', history: [['applied', 3, 'coordinator']] },
  // Snap's design competition at Pierce: participants who completed it (their skills now evidenced).
  { student: 'diego', opportunity: 'snap-competition', history: [['applied', 90, 'coordinator'], ['placed', 82, 'host'], ['completed', 24, 'host']] },
  { student: 'hannah', opportunity: 'snap-competition', history: [['applied', 90, 'coordinator'], ['placed', 82, 'host'], ['completed', 24, 'host']] },
  // A minor whose guardian consented, applying to a high-school workshop.
  { student: 'isabella', opportunity: 'speaking', history: [['applied', 1, 'coordinator']] },
  // Last spring's Disney round, large enough for the fairness view (pipeline.cohort.data.ts).
  ...cohortApplications,
];

export const capacities: Record<string, CapacityInput> = {
  snap: { interns: 10, speakers: 6, externshipHosts: 2, mentors: 8 },
  aws: { interns: 15, speakers: 4, externshipHosts: 6, mentors: 10 },
  jpl: { interns: 12, speakers: 3, externshipHosts: 2, mentors: 4 },
  disney: { interns: 8, speakers: 5, externshipHosts: 1, mentors: 6 },
};

export const engagementRequests: { kind: EngagementKind; title: string; school: string; employer: string | null; days: number; quantity: number; status: EngagementStatus; notes: string }[] = [
  { kind: 'job_panel', title: 'Careers in tech: a job panel for CS and design students', school: 'pierce', employer: 'snap', days: 21, quantity: 3, status: 'brokered', notes: 'Three Snap engineers and designers for the spring career week.' },
  { kind: 'guest_speaker', title: 'What a cloud engineer does all day', school: 'lausd', employer: 'aws', days: 30, quantity: 1, status: 'requested', notes: 'For the ICT pathway classes at an LA HI-TECH partner high school.' },
  { kind: 'mentoring', title: 'Mentors for the data science club', school: 'smc', employer: null, days: 45, quantity: 4, status: 'requested', notes: 'Any employer with data scientists; JPL would be ideal.' },
];
