import type { SeedApplication, SeedOpportunity, SeedStudent } from './pipeline.data.js';

/**
 * Last spring's Tech Talent Challenge round at Disney: 74 UCLA and USC students applied for an IT
 * support internship and 32 got an offer. It is the demo's one pool large enough for the fairness
 * view (application → offer by self-reported group, counts under 10 hidden) to draw bars: every
 * group of first-generation, low-income and no-four-year-degree-path has at least 10 applicants and
 * 10 offers once the hand-written applications are added. Low-income applicants were offered less
 * often (about 35% against 50%), under four-fifths of the best rate, so the view has a real flag;
 * career changers are too few and stay hidden. Generated, but fixed: same names and numbers on every seed.
 */
export const cohortOpportunity: SeedOpportunity = {
  key: 'disney-intern',
  kind: 'internship',
  title: 'Tech Talent Challenge: IT support intern',
  description: 'A paid summer internship through the LA Tech Talent Challenge: help desk and end-user support for Disney’s Burbank studios.',
  host: 'disney',
  pathway: 'IT Support',
  audiences: ['college', 'university'],
  compensation: 'paid',
  pay: [23, 'hour'],
  seats: 28,
  starts: -180,
  ends: -100,
  deadline: -215,
  hoursPerWeek: 30,
  minimumAge: 18,
  modality: 'in_person',
  location: 'Burbank, CA',
  status: 'closed',
  skills: [
    ['Troubleshooting', 5],
    ['Customer Service', 4],
    ['Desktop Support', 3],
  ],
};

type Equity = SeedStudent['equity'];
/** [applicants, of whom offered, their self-reported answers]; the last segment reported nothing. */
const segments: [number, number, Equity][] = [
  [20, 6, { firstGeneration: true, lowIncome: true, noFourYearDegreePath: false, careerChanger: false }],
  [14, 7, { firstGeneration: true, lowIncome: false, noFourYearDegreePath: false, careerChanger: false }],
  [10, 3, { firstGeneration: false, lowIncome: true, noFourYearDegreePath: true, careerChanger: false }],
  [12, 6, { firstGeneration: false, lowIncome: false, noFourYearDegreePath: true, careerChanger: false }],
  [18, 10, {}],
];

// Ten by ten: student i is (first[i % 10], last[(i % 10 + ⌊i / 10⌋) % 10]), a different pair for each i < 100.
const firstNames = ['Adriana', 'Brandon', 'Camila', 'Daniel', 'Elena', 'Fernando', 'Gabriela', 'Hiroshi', 'Imani', 'Jordan'];
const lastNames = ['Alvarez', 'Bautista', 'Castillo', 'Delgado', 'Espinoza', 'Fong', 'Gutierrez', 'Haddad', 'Ibarra', 'Jackson'];

export const cohortStudents: SeedStudent[] = [];
export const cohortApplications: SeedApplication[] = [];

let i = 0;
for (const [applicants, offered, equity] of segments) {
  for (let k = 0; k < applicants; k++, i++) {
    const key = `ttc-${i + 1}`;
    cohortStudents.push({
      key,
      firstName: firstNames[i % 10]!,
      lastName: lastNames[((i % 10) + Math.floor(i / 10)) % 10]!,
      school: i % 3 === 0 ? 'usc' : 'ucla',
      pathway: 'IT Support',
      graduationYearOffset: i % 2,
      born: `${2001 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      skills: ['Troubleshooting', 'Customer Service'],
      equity,
    });
    const applied = 230 - (i % 14);
    cohortApplications.push({
      student: key,
      opportunity: cohortOpportunity.key,
      history:
        k < offered
          ? k % 4 === 3
            ? [['applied', applied, 'coordinator'], ['interviewing', 210, 'host'], ['offered', 200, 'host'], ['withdrawn', 195, 'coordinator', 'Accepted another offer']]
            : [['applied', applied, 'coordinator'], ['interviewing', 210, 'host'], ['offered', 200, 'host'], ['placed', 180, 'host'], ['completed', 100, 'host']]
          : k % 2 === 0
            ? [['applied', applied, 'coordinator'], ['declined', 212, 'host']]
            : [['applied', applied, 'coordinator'], ['interviewing', 210, 'host'], ['declined', 203, 'host']],
      ...(k < offered && k % 4 !== 3 ? { placement: { supervisorName: 'Dana Whitfield', supervisorEmail: 'dana.whitfield@example.org', hoursCompleted: 330, signedOff: true } } : {}),
    });
  }
}
