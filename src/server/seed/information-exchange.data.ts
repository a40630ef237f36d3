import type { ContactTopic } from '../../shared/points-of-contact.contract.js';

/**
 * The information exchange of the demo coalition: hiring needs from the paper's employers, the
 * programs it names (Spotlights #1 and #2, LA HI-TECH's three pathways), points of contact by topic,
 * and one open curriculum proposal. Organizations and people are referred to by name (la-tech.data.ts);
 * skills by their seeded names (la-tech.skills.data.ts).
 *
 * The paper names the programs and the AWS courses; it gives no positions, enrollment or completion
 * figures. Those below are illustrative demo figures, and each enrollment record says so.
 */
export const DEMO_FIGURES = 'Illustrative demo figure (the white paper gives none)';

type Level = 'beginner' | 'intermediate' | 'advanced';
export type SeedSkill = string | { name: string; level?: Level; importance?: 'required' | 'preferred' };

export interface SeedNeed {
  key: string;
  employer: string;
  soc: string;
  title: string;
  level: 'entry' | 'middle' | 'management';
  positions: number;
  location: string | null;
  workplace: 'onsite' | 'hybrid' | 'remote';
  degreeRequired: boolean;
  degreeLevel?: 'associate' | 'bachelor' | 'master' | 'doctoral';
  skills: SeedSkill[];
  calendar?: { kind: 'internship_application' | 'hiring_season'; label: string | null; startsOn: string; endsOn: string }[];
}

const internships2027 = { kind: 'internship_application' as const, label: 'Summer 2027 internships', startsOn: '2026-09-01', endsOn: '2026-11-15' };
const spring2027 = { kind: 'hiring_season' as const, label: 'New-graduate hiring', startsOn: '2027-01-15', endsOn: '2027-04-30' };

export const needs: SeedNeed[] = [
  {
    key: 'snap-swe', employer: 'Snap Inc.', soc: '15-1252', title: 'Associate Software Engineer', level: 'entry', positions: 12, location: 'Santa Monica, CA', workplace: 'hybrid', degreeRequired: true, degreeLevel: 'bachelor',
    skills: [{ name: 'Programming', level: 'intermediate' }, { name: 'Python', level: 'intermediate' }, { name: 'JavaScript', level: 'intermediate' }, { name: 'Git', level: 'beginner' }, 'Critical Thinking', 'Speaking', { name: 'Complex Problem Solving', importance: 'preferred' }],
    calendar: [internships2027, spring2027],
  },
  {
    key: 'snap-ux', employer: 'Snap Inc.', soc: '15-1255', title: 'Product Designer', level: 'entry', positions: 4, location: 'Los Angeles, CA', workplace: 'remote', degreeRequired: false,
    skills: [{ name: 'UX/UI Design', level: 'intermediate' }, { name: 'Figma', level: 'intermediate' }, { name: 'Hypertext markup language HTML', importance: 'preferred' }, { name: 'Cascading style sheets CSS', importance: 'preferred' }, 'Active Listening', 'Speaking'],
    calendar: [internships2027],
  },
  {
    key: 'aws-support', employer: 'Amazon Web Services', soc: '15-1244', title: 'Cloud Support Associate', level: 'entry', positions: 20, location: 'Los Angeles, CA', workplace: 'hybrid', degreeRequired: true, degreeLevel: 'bachelor',
    skills: [{ name: 'Cloud Computing', level: 'intermediate' }, { name: 'Amazon Web Services AWS software', level: 'intermediate' }, { name: 'Linux', level: 'intermediate' }, { name: 'Computer Networking', level: 'beginner' }, { name: 'Troubleshooting', level: 'intermediate' }, 'Service Orientation', 'Speaking', 'Critical Thinking'],
    calendar: [{ kind: 'hiring_season', label: 'Cloud support cohorts', startsOn: '2027-02-01', endsOn: '2027-06-30' }],
  },
  {
    key: 'aws-architect', employer: 'Amazon Web Services', soc: '15-1241', title: 'Associate Solutions Architect', level: 'middle', positions: 6, location: 'Los Angeles, CA', workplace: 'hybrid', degreeRequired: true, degreeLevel: 'bachelor',
    skills: [{ name: 'Cloud Computing', level: 'advanced' }, { name: 'Amazon Web Services AWS software', level: 'advanced' }, 'Computer Networking', 'Systems Analysis', { name: 'Cybersecurity', importance: 'preferred' }, 'Speaking', 'Judgment and Decision Making'],
  },
  {
    key: 'disney-web', employer: 'The Walt Disney Company', soc: '15-1254', title: 'Web Developer', level: 'entry', positions: 8, location: 'Burbank, CA', workplace: 'hybrid', degreeRequired: false,
    skills: [{ name: 'Web Development', level: 'intermediate' }, 'JavaScript', 'React', 'Hypertext markup language HTML', 'Cascading style sheets CSS', 'Git', 'Active Listening', 'Writing'],
    calendar: [internships2027],
  },
  {
    key: 'disney-analyst', employer: 'The Walt Disney Company', soc: '15-1211', title: 'Business Systems Analyst', level: 'middle', positions: 4, location: 'Burbank, CA', workplace: 'onsite', degreeRequired: true, degreeLevel: 'bachelor',
    skills: ['Systems Analysis', 'Structured query language SQL', 'Tableau', 'Data Analysis', 'Critical Thinking', 'Writing'],
  },
  {
    key: 'jpl-flight', employer: 'NASA Jet Propulsion Laboratory', soc: '15-1252', title: 'Flight Software Engineer', level: 'middle', positions: 5, location: 'Pasadena, CA', workplace: 'onsite', degreeRequired: true, degreeLevel: 'bachelor',
    skills: [{ name: 'Programming', level: 'advanced' }, 'Python', 'Linux', 'Git', 'Mathematics', 'Science', 'Complex Problem Solving'],
    calendar: [{ kind: 'internship_application', label: 'JPL summer internships', startsOn: '2026-10-01', endsOn: '2027-03-31' }],
  },
  {
    key: 'jpl-security', employer: 'NASA Jet Propulsion Laboratory', soc: '15-1212', title: 'Cybersecurity Analyst', level: 'entry', positions: 3, location: 'Pasadena, CA', workplace: 'onsite', degreeRequired: true,
    skills: [{ name: 'Cybersecurity', level: 'intermediate' }, 'Computer Networking', 'Linux', 'Wireshark', 'Critical Thinking', 'Writing'],
  },
  {
    key: 'sce-support', employer: 'Southern California Edison', soc: '15-1232', title: 'IT Support Specialist', level: 'entry', positions: 10, location: 'Rosemead, CA', workplace: 'onsite', degreeRequired: false,
    skills: ['Troubleshooting', 'Service Orientation', 'Microsoft Active Directory', 'Computer Networking', 'Speaking', 'Active Listening'],
  },
];

export interface SeedCourse {
  title: string;
  enrollment: number;
  skills: string[];
}

export interface SeedProgram {
  institution: string;
  title: string;
  cip: string | null;
  awardLevel: 'k12_pathway' | 'certificate' | 'associate' | 'bachelor' | 'non_credit' | 'boot_camp';
  pathway?: string;
  description: string;
  techFocused: boolean;
  specialtySkillClass?: boolean;
  partners: string[];
  /** [year, enrollment, completions] */
  outcomes: [number, number, number][];
  courses: SeedCourse[];
}

const hiTechPathway = (pathway: string, cip: string, outcomes: [number, number, number][], courses: SeedCourse[]): SeedProgram => ({
  institution: 'Los Angeles Unified School District (LAUSD)',
  title: `LA HI-TECH pathway: ${pathway}`,
  cip,
  awardLevel: 'k12_pathway',
  pathway,
  description: 'One of LA HI-TECH’s three Information and Communication Technology career pathways, pairing high schools with community colleges (Chapter 3).',
  techFocused: true,
  partners: ['LA HI-TECH', 'Pierce College'],
  outcomes,
  courses,
});

export const programs: SeedProgram[] = [
  {
    institution: 'Santa Monica College', title: 'AWS Cloud Computing Certificate', cip: '11.0902', awardLevel: 'certificate', techFocused: true, partners: ['Amazon Web Services'],
    description: 'An accelerated cloud-related learning program linked to AWS, built into existing curriculum through the AWS Educate grant program (Spotlight #2).',
    outcomes: [[2017, 40, 26], [2018, 52, 35]],
    courses: [
      { title: 'Computer Engineering', enrollment: 35, skills: ['Cloud Computing', 'Amazon Web Services AWS software', 'Linux', 'Computer Networking', 'Troubleshooting'] },
      { title: 'Database Essentials', enrollment: 32, skills: ['Database Design', 'Structured query language SQL', 'Amazon Web Services AWS software'] },
      { title: 'Security', enrollment: 30, skills: ['Cybersecurity', 'Computer Networking', 'Amazon Web Services AWS software'] },
    ],
  },
  {
    institution: 'Santa Monica College', title: 'Coding Boot Camp', cip: '11.0201', awardLevel: 'boot_camp', techFocused: true, specialtySkillClass: true, partners: [],
    description: 'Half of the students of the AWS cloud program went on to enroll in it (Spotlight #2).',
    outcomes: [[2017, 48, 40], [2018, 60, 51]],
    courses: [
      { title: 'Web Development Fundamentals', enrollment: 45, skills: ['Web Development', 'Hypertext markup language HTML', 'Cascading style sheets CSS', 'JavaScript', 'Git'] },
      { title: 'Programming in Python', enrollment: 45, skills: ['Programming', 'Python', 'Git'] },
    ],
  },
  {
    institution: 'Pierce College', title: 'Design and Media Arts', cip: '11.0801', awardLevel: 'associate', techFocused: true, partners: ['Snap Inc.', 'LA HI-TECH'],
    description: 'Interest in the program rose after Snap’s 8-week design competition at the college (Spotlight #1).',
    outcomes: [[2017, 210, 38], [2018, 240, 44]],
    courses: [
      { title: 'Digital Media Design', enrollment: 60, skills: ['UX/UI Design', 'Figma', 'Technology Design'] },
      { title: 'Web Design', enrollment: 55, skills: ['Web Development', 'Hypertext markup language HTML', 'Cascading style sheets CSS', 'UX/UI Design'] },
    ],
  },
  {
    institution: 'Pierce College', title: 'Coding Boot Camp', cip: '11.0201', awardLevel: 'boot_camp', techFocused: true, specialtySkillClass: true, partners: ['LA HI-TECH'],
    description: 'Half of the students in Snap’s design competition applied to it (Spotlight #1).',
    outcomes: [[2017, 30, 24], [2018, 44, 36]],
    courses: [
      { title: 'Full-Stack JavaScript', enrollment: 40, skills: ['JavaScript', 'React', 'Web Development', 'Git', 'Programming'] },
      { title: 'Introduction to Programming', enrollment: 40, skills: ['Programming', 'Python'] },
    ],
  },
  hiTechPathway('Design, Visual and Media Arts', '11.0801', [[2017, 300, 85], [2018, 320, 92]], [{ title: 'Digital Imaging and Design', enrollment: 120, skills: ['Technology Design', 'UX/UI Design'] }]),
  hiTechPathway('Information Support and Services', '11.1006', [[2017, 180, 50], [2018, 200, 57]], [{ title: 'IT Essentials', enrollment: 90, skills: ['Troubleshooting', 'Computer Networking', 'Installation', 'Service Orientation'] }]),
  hiTechPathway('Software Systems and Development', '11.0201', [[2017, 400, 110], [2018, 450, 128]], [
    { title: 'Exploring Computer Science', enrollment: 150, skills: ['Programming', 'Critical Thinking', 'Complex Problem Solving'] },
    { title: 'AP Computer Science Principles', enrollment: 80, skills: ['Programming', 'Mathematics'] },
  ]),
];

/** [organization, topic, person] */
export const contacts: [string, ContactTopic, string][] = [
  ['Pierce College', 'curriculum', 'Alicia Gómez'],
  ['Pierce College', 'work_based_learning', 'Alicia Gómez'],
  ['Santa Monica College', 'curriculum', 'Marcus Lee'],
  ['Santa Monica College', 'work_based_learning', 'Marcus Lee'],
  ['Santa Monica College', 'career_placement', 'Marcus Lee'],
  ['Los Angeles Unified School District (LAUSD)', 'curriculum', 'Daniel Ortiz'],
  ['LA HI-TECH', 'work_based_learning', 'Grace Kim'],
  ['Snap Inc.', 'work_based_learning', 'Jordan Rivera'],
  ['Snap Inc.', 'career_placement', 'Jordan Rivera'],
  ['Amazon Web Services', 'work_based_learning', 'Priya Natarajan'],
  ['The Walt Disney Company', 'work_based_learning', 'Ethan Walker'],
];

export const proposal = {
  author: 'Alicia Gómez',
  institution: 'Pierce College',
  program: 'Coding Boot Camp',
  course: 'Full-Stack JavaScript',
  title: 'Deploy to the cloud in Full-Stack JavaScript',
  summary: 'Add a four-week unit in which students deploy their capstone application to a public cloud, with AWS Educate accounts.',
  details: 'Replaces the last four weeks of local-only project work: provisioning, deployment, logging and cost control on AWS. Builds on the AWS Educate curriculum Santa Monica College already uses.',
  skillsAdded: ['Cloud Computing', 'Amazon Web Services AWS software'],
  targetTerm: 'Fall 2027',
  needs: ['aws-support'],
  comment: {
    author: 'Jordan Rivera',
    body: 'Our new engineers ship to the cloud in their first week, so this is exactly the gap we see. Teaching containers alongside would make the unit complete.',
    relevance: 5,
    proposedSkills: ['Docker'],
  },
};

/** Rows of the NCES CIP 2020 → SOC 2018 crosswalk for the demo programs' CIP codes (public domain). */
export const cipSocRows: [string, string, string, string][] = [
  ['11.0201', 'Computer Programming/Programmer, General.', '15-1231', 'Computer Network Support Specialists'],
  ['11.0201', 'Computer Programming/Programmer, General.', '15-1251', 'Computer Programmers'],
  ['11.0201', 'Computer Programming/Programmer, General.', '15-1252', 'Software Developers'],
  ['11.0201', 'Computer Programming/Programmer, General.', '15-1253', 'Software Quality Assurance Analysts and Testers'],
  ['11.0201', 'Computer Programming/Programmer, General.', '15-1254', 'Web Developers'],
  ['11.0201', 'Computer Programming/Programmer, General.', '15-1255', 'Web and Digital Interface Designers'],
  ['11.0201', 'Computer Programming/Programmer, General.', '25-1021', 'Computer Science Teachers, Postsecondary'],
  ['11.0801', 'Web Page, Digital/Multimedia and Information Resources Design.', '15-1254', 'Web Developers'],
  ['11.0801', 'Web Page, Digital/Multimedia and Information Resources Design.', '15-1255', 'Web and Digital Interface Designers'],
  ['11.0801', 'Web Page, Digital/Multimedia and Information Resources Design.', '25-1194', 'Career/Technical Education Teachers, Postsecondary'],
  ['11.0801', 'Web Page, Digital/Multimedia and Information Resources Design.', '27-1014', 'Special Effects Artists and Animators'],
  ['11.0801', 'Web Page, Digital/Multimedia and Information Resources Design.', '27-1024', 'Graphic Designers'],
  ['11.0902', 'Cloud Computing.', '15-1221', 'Computer and Information Research Scientists'],
  ['11.0902', 'Cloud Computing.', '15-1231', 'Computer Network Support Specialists'],
  ['11.0902', 'Cloud Computing.', '15-1241', 'Computer Network Architects'],
  ['11.0902', 'Cloud Computing.', '15-1243', 'Database Architects'],
  ['11.0902', 'Cloud Computing.', '15-1251', 'Computer Programmers'],
  ['11.0902', 'Cloud Computing.', '15-1252', 'Software Developers'],
  ['11.0902', 'Cloud Computing.', '25-1021', 'Computer Science Teachers, Postsecondary'],
  ['11.1006', 'Computer Support Specialist.', '15-1231', 'Computer Network Support Specialists'],
  ['11.1006', 'Computer Support Specialist.', '15-1232', 'Computer User Support Specialists'],
];
