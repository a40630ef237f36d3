/**
 * The white paper's labor-market data, as printed (shared/seed/000_efd8051afe20095f.txt).
 * Only what the paper prints is here: percent changes, totals and averages the app shows are
 * computed from the rows, and the printed aggregates are kept apart so they can be checked.
 */
export interface SeedDataset {
  key: string;
  name: string;
  publisher: string;
  source: string;
  publishedOn: string | null;
  licence: string;
  notes?: string;
}

const PAPER = 'White paper "Addressing the technology skills gap in Los Angeles"';

export const datasets: SeedDataset[] = [
  { key: 'edd-la-2014-2024', name: 'Occupational employment projections, Los Angeles County, 2014–2024', publisher: 'California Employment Development Department, Labor Market Information', source: `${PAPER}, Appendix Table 1 ("BLS Data")`, publishedOn: '2016-11', licence: 'Public data of the State of California', notes: 'Data from 2014, published November 2016. Annual figures; "New Jobs", "Replacement Needs" and "Total Jobs" are annual openings.' },
  { key: 'bls-hubs-2014', name: 'Tech employment by occupation in five U.S. tech hubs, 2014', publisher: 'U.S. Bureau of Labor Statistics', source: `${PAPER}, Appendix Table 2 ("BLS Data, 2014 Labor Market Information")`, publishedOn: '2014', licence: 'Public domain (U.S. government work)', notes: 'Silicon Valley is defined as San Francisco, Oakland, Hayward, Redwood City, Santa Clara, and San Jose.' },
  { key: 'hub-cards', name: 'Comparison of Tech Jobs in the U.S.', publisher: 'U.S. Bureau of Labor Statistics; NerdWallet', source: `${PAPER}, Chapter 2 figure`, publishedOn: null, licence: 'Cited figures (fair use)' },
  { key: 'bls-ch2', name: 'BLS estimate of IT, engineering and digital media jobs in LA County', publisher: 'U.S. Bureau of Labor Statistics', source: `${PAPER}, Chapter 2 text (note v)`, publishedOn: null, licence: 'Public domain (U.S. government work)' },
  { key: 'la-infographic', name: 'Los Angeles – Economy and Educational Institutions', publisher: 'LAEDC; U.S. Bureau of Labor Statistics', source: `${PAPER}, Chapter 2 infographic`, publishedOn: null, licence: 'Cited figures (fair use)' },
  { key: 'laedc', name: 'LA economy', publisher: 'Los Angeles County Economic Development Corporation (LAEDC)', source: `${PAPER}, Chapter 2 (note ii)`, publishedOn: null, licence: 'Cited figures (fair use)' },
  { key: 'linkedin-2018', name: 'LinkedIn data on the LA tech labor market, August 2018', publisher: 'LinkedIn', source: `${PAPER}, Chapters 2–3 (note xi)`, publishedOn: '2018-08', licence: 'Cited figures (fair use)' },
  { key: 'linkedin-callout', name: 'LinkedIn call-out figure', publisher: 'LinkedIn', source: `${PAPER}, Chapter 2 call-out ("80% of tech talent in LA is working outside of the software and IT industry")`, publishedOn: null, licence: 'Cited figures (fair use)' },
  { key: 'cccco', name: 'Community college enrollment projection, LA and Ventura counties', publisher: "California Community Colleges Chancellor's Office", source: `${PAPER}, Chapter 2 (note viii)`, publishedOn: null, licence: 'Public data of the State of California' },
  { key: 'ppic', name: "LA County's share of California bachelor's degrees", publisher: 'Public Policy Institute of California', source: `${PAPER}, Chapter 2 (note vii)`, publishedOn: null, licence: 'Cited figures (fair use)' },
  { key: 'builtinla-2016', name: 'Built in LA report, 2016', publisher: 'Built in LA', source: `${PAPER}, Chapter 2 (notes xii–xiii)`, publishedOn: '2016', licence: 'Cited figures (fair use)' },
  { key: 'top100-2017', name: '100 biggest tech companies in LA and Orange Counties, 2017', publisher: 'Cited in the white paper (note iv)', source: `${PAPER}, Chapter 2`, publishedOn: '2017', licence: 'Cited figures (fair use)' },
  { key: 'wsj', name: 'Difficulty filling tech jobs', publisher: 'The Wall Street Journal', source: `${PAPER}, Chapter 3 (note xix)`, publishedOn: null, licence: 'Cited figures (fair use)' },
  { key: 'google-cs', name: 'Computer science exposure of Google employees', publisher: 'Google', source: `${PAPER}, Chapter 3 (note xx)`, publishedOn: null, licence: 'Cited figures (fair use)' },
  { key: 'code-org', name: 'AP Computer Science in California schools, 2016–2017', publisher: 'Code.org', source: `${PAPER}, Chapter 3 (note xxi)`, publishedOn: '2017', licence: 'Cited figures (fair use)' },
  { key: 'bixel-ttc', name: 'Los Angeles Tech Talent Challenge, 2016–2017', publisher: 'Bixel Exchange; Office of the Mayor of Los Angeles', source: `${PAPER}, Chapter 5`, publishedOn: '2017', licence: 'Cited figures (fair use)' },
  { key: 'bls-top-growth', name: 'Top high-growth tech jobs in Los Angeles', publisher: 'U.S. Bureau of Labor Statistics', source: `${PAPER}, Chapter 2 list`, publishedOn: null, licence: 'Public domain (U.S. government work)' },
  { key: 'linkedin-top-hiring', name: 'Top LA-based companies hiring tech talent, August 2018', publisher: 'LinkedIn', source: `${PAPER}, Chapter 2 list`, publishedOn: '2018-08', licence: 'Cited figures (fair use)' },
];

export const region = { slug: 'los-angeles', name: 'Los Angeles County' };

/** Table 1, row by row: soc, title, base 2014, projected 2024, printed %, new, replacement, total, type, experience. */
export const table1: [string, string, number, number, number, number, number, number, string, string][] = [
  ['11-3021', 'Computer and Information Systems Managers', 8690, 10120, 16.5, 143, 102, 245, 'IT', '≥5 years'],
  ['15-1111', 'Computer and Information Research Scientists', 360, 430, 19.4, 7, 5, 12, 'IT', 'None'],
  ['15-1121', 'Computer Systems Analysts', 12690, 15690, 23.6, 300, 163, 463, 'IT', 'None'],
  ['15-1122', 'Information Security Analysts', 1990, 2150, 8.0, 16, 26, 42, 'IT', '<5 years'],
  ['15-1131', 'Computer Programmers', 7300, 6870, -5.9, 0, 180, 180, 'IT', 'None'],
  ['15-1132', 'Software Developers, Applications', 14780, 18170, 22.9, 339, 211, 550, 'IT', 'None'],
  ['15-1133', 'Software Developers, Systems Software', 10660, 12240, 14.8, 158, 152, 310, 'IT', 'None'],
  ['15-1134', 'Web Developers', 6020, 8190, 36.0, 217, 78, 295, 'IT', 'None'],
  ['15-1141', 'Database Administrators', 2540, 2900, 14.2, 36, 55, 91, 'IT', '<5 years'],
  ['15-1142', 'Network and Computer Systems Administrators', 10170, 11370, 11.8, 120, 131, 251, 'IT', 'None'],
  ['15-1143', 'Computer Network Architects', 2580, 3030, 17.4, 45, 33, 78, 'IT', '≥5 years'],
  ['15-1151', 'Computer User Support Specialists', 15180, 17780, 17.1, 260, 195, 455, 'IT', 'None'],
  ['15-1152', 'Computer Network Support Specialists', 4510, 4980, 10.4, 46, 58, 104, 'IT', 'None'],
  ['15-1199', 'Computer Occupations, All Other', 4260, 4930, 15.7, 67, 55, 122, 'IT', 'None'],
  ['15-2041', 'Statisticians', 700, 1010, 44.3, 31, 12, 43, 'IT', 'None'],
  ['17-2061', 'Computer Hardware Engineers', 2430, 2490, 2.5, 6, 50, 56, 'Engineering', 'None'],
  ['17-2071', 'Electrical Engineers', 4580, 4730, 3.3, 16, 101, 117, 'Engineering', 'None'],
  ['17-2141', 'Mechanical Engineers', 6330, 6790, 7.3, 46, 200, 246, 'Engineering', 'None'],
];
/** Table 1's printed "Total/Avg" row. */
export const table1Totals = { baseEmployment: 115770, projectedEmployment: 133870, percentChange: 15.5, annualNewJobs: 1853, annualReplacementNeeds: 1807, annualTotalOpenings: 3660 };

export const hubs = ['Los Angeles', 'Seattle', 'Austin', 'New York City', 'Silicon Valley'] as const;
/** Table 2: employment by occupation for LA, Seattle, Austin, NYC, Silicon Valley; null = "N/A". */
export const table2: [string, string, (number | null)[]][] = [
  ['11-3021', 'Computer and Information Systems Managers', [8690, 10160, 3030, 24120, 21690]],
  ['15-1111', 'Computer and Information Research Scientists', [360, null, 680, 950, 1500]],
  ['15-1121', 'Computer Systems Analysts', [12690, 14050, 9740, 29980, 26660]],
  ['15-1122', 'Information Security Analysts', [1990, 1480, 590, 4530, 2930]],
  ['15-1131', 'Computer Programmers', [7300, 9280, 2970, 16710, 12360]],
  ['15-1132', 'Software Developers, Applications', [14780, 45990, 13380, 56960, 67740]],
  ['15-1133', 'Software Developers, Systems Software', [10660, 12470, 6870, 16980, 40870]],
  ['15-1134', 'Web Developers', [6020, 4060, 1930, 9660, 6740]],
  ['15-1141', 'Database Administrators', [2540, 1720, 1560, 5610, 3610]],
  ['15-1142', 'Network and Computer Systems Administrators', [10170, 6900, 4040, 19970, 11840]],
  ['15-1143', 'Computer Network Architects', [2580, 4230, 2190, 7240, 6290]],
  ['15-1151', 'Computer User Support Specialists', [15180, 11210, 7760, 27550, 18470]],
  ['15-1152', 'Computer Network Support Specialists', [4510, 2930, 2530, 8300, 5120]],
  ['15-1199', 'Computer Occupations, All Other', [4260, 6490, 2820, 5740, 9600]],
  ['15-2041', 'Statisticians', [700, 790, 280, 930, 870]],
  ['17-2061', 'Computer Hardware Engineers', [2430, 1400, 530, 690, 15080]],
  ['17-2071', 'Electrical Engineers', [4580, 4190, 2890, 5390, 7110]],
  ['17-2141', 'Mechanical Engineers', [6330, 5040, 1570, 4870, 4960]],
];
/** Table 2's printed "Total/Avg" row, in the order of `hubs`. */
export const table2Totals = [115770, 144200, 65960, 253180, 266720];

/** The hub cards of Chapter 2: employees, average salary, tech workers per 1,000 jobs. */
export const hubCards: Record<(typeof hubs)[number], [number, number, number]> = {
  'Los Angeles': [115770, 97281, 30],
  Austin: [65960, 98672, 62],
  'New York City': [266720, 79583, 35],
  'Silicon Valley': [253180, 101083, 73],
  Seattle: [144200, 88587, 78],
};

export interface SeedFact {
  dataset: string;
  key: string;
  label: string;
  value: number;
  unit: 'people' | 'jobs' | 'percent' | 'usd' | 'count';
  asOf?: string;
  checks?: string;
}

export const facts: SeedFact[] = [
  { dataset: 'laedc', key: 'workers', label: 'Employees in Los Angeles', value: 5_000_000, unit: 'people' },
  { dataset: 'bls-ch2', key: 'tech_jobs_2014', label: 'IT, engineering and digital media jobs in LA County, end of 2014', value: 115_770, unit: 'jobs', asOf: '2014', checks: 'projections.los-angeles.baseEmployment' },
  { dataset: 'bls-ch2', key: 'tech_jobs_2024', label: 'IT, engineering and digital media jobs in LA County projected for 2024', value: 133_870, unit: 'jobs', asOf: '2024', checks: 'projections.los-angeles.projectedEmployment' },
  { dataset: 'la-infographic', key: 'tech_jobs_2024', label: 'IT jobs projected in 2024', value: 133_870, unit: 'jobs', asOf: '2024', checks: 'projections.los-angeles.projectedEmployment' },
  { dataset: 'la-infographic', key: 'tech_jobs_2014', label: 'IT jobs, current', value: 133_870, unit: 'jobs', checks: 'projections.los-angeles.baseEmployment' },
  { dataset: 'la-infographic', key: 'colleges_universities', label: 'Colleges and universities', value: 120, unit: 'count' },
  { dataset: 'la-infographic', key: 'top_research_universities', label: 'Top research universities (UCLA, USC, Caltech)', value: 3, unit: 'count' },
  { dataset: 'cccco', key: 'cc_enrollment_growth', label: 'Community college enrollment increase, LA and Ventura county campuses, 2013–2023', value: 15, unit: 'percent', asOf: '2013–2023' },
  { dataset: 'ppic', key: 'share_of_ca_bachelors', label: "LA County's share of California bachelor's degrees, 2015–2016", value: 24, unit: 'percent', asOf: '2015–2016' },
  { dataset: 'linkedin-2018', key: 'companies_employing_tech', label: 'Companies employing tech talent in LA', value: 38_000, unit: 'count', asOf: '2018-08' },
  { dataset: 'linkedin-2018', key: 'share_outside_software_it', label: 'Share of tech employees working outside the software and IT industry', value: 74, unit: 'percent', asOf: '2018-08' },
  { dataset: 'linkedin-callout', key: 'share_outside_software_it', label: 'Share of tech talent working outside the software and IT industry', value: 80, unit: 'percent' },
  { dataset: 'linkedin-2018', key: 'share_without_4yr_degree', label: 'Share of LA tech talent that does not list a 4-year degree', value: 53, unit: 'percent' },
  { dataset: 'builtinla-2016', key: 'venture_funding_la', label: 'Venture investment in LA-based tech companies, 2016', value: 4_200_000_000, unit: 'usd', asOf: '2016' },
  { dataset: 'builtinla-2016', key: 'venture_funded_companies_la', label: 'LA-based tech companies that raised it', value: 213, unit: 'count', asOf: '2016' },
  { dataset: 'builtinla-2016', key: 'venture_funding_growth_la', label: 'Increase in venture dollars raised over 2015', value: 38, unit: 'percent', asOf: '2016' },
  { dataset: 'builtinla-2016', key: 'venture_funding_silicon_valley', label: 'Venture funding in Silicon Valley, last year', value: 6_500_000_000, unit: 'usd' },
  { dataset: 'top100-2017', key: 'top100_headcount_growth', label: 'Headcount growth of the 100 biggest tech companies in LA and Orange Counties, 2017', value: 24, unit: 'percent', asOf: '2017' },
  { dataset: 'wsj', key: 'us_companies_difficulty_filling', label: 'US companies reporting difficulty filling tech jobs', value: 52, unit: 'percent' },
  { dataset: 'wsj', key: 'us_companies_lack_skills', label: 'Companies citing a lack of technical skills', value: 47, unit: 'percent' },
  { dataset: 'google-cs', key: 'google_cs_before_college', label: "Google's US employees exposed to computer science before college", value: 98, unit: 'percent' },
  { dataset: 'code-org', key: 'ca_schools_ap_cs', label: 'California schools offering AP Computer Science, 2016–2017', value: 580, unit: 'count', asOf: '2016–2017' },
  { dataset: 'code-org', key: 'ca_schools_ap_cs_share', label: 'Share of California schools with AP programs offering AP Computer Science', value: 25, unit: 'percent', asOf: '2016–2017' },
  { dataset: 'bixel-ttc', key: 'ttc_applicants', label: 'Students who applied to the Tech Talent Challenge, 2016–2017', value: 600, unit: 'people', asOf: '2016–2017' },
  { dataset: 'bixel-ttc', key: 'ttc_placed', label: 'Students placed into internships', value: 100, unit: 'people', asOf: '2016–2017' },
  { dataset: 'bixel-ttc', key: 'ttc_hired_share', label: 'Share of placed interns hired part or full time', value: 30, unit: 'percent', asOf: '2016–2017' },
];

export const topGrowthJobs = ['15-1132', '15-1151', '15-1121', '15-1133', '15-1134'];
export const topHiringCompanies = ['NASA Jet Propulsion Laboratory', 'Esri', 'The Walt Disney Company', 'SpaceX', 'Southern California Edison', 'DIRECTV', 'USC', 'UCLA', 'Snap, Inc.', 'Amgen'];

/** SOC 2010 → 2018 for the paper's 18 occupations (BLS crosswalk, public domain). */
export const crosswalk: [string, string, string][] = [
  ['11-3021', '11-3021', 'Computer and Information Systems Managers'],
  ['15-1111', '15-1221', 'Computer and Information Research Scientists'],
  ['15-1121', '15-1211', 'Computer Systems Analysts'],
  ['15-1122', '15-1212', 'Information Security Analysts'],
  ['15-1131', '15-1251', 'Computer Programmers'],
  ['15-1132', '15-1252', 'Software Developers'],
  ['15-1132', '15-1253', 'Software Quality Assurance Analysts and Testers'],
  ['15-1133', '15-1252', 'Software Developers'],
  ['15-1133', '15-1253', 'Software Quality Assurance Analysts and Testers'],
  ['15-1134', '15-1254', 'Web Developers'],
  ['15-1134', '15-1255', 'Web and Digital Interface Designers'],
  ['15-1141', '15-1242', 'Database Administrators'],
  ['15-1141', '15-1243', 'Database Architects'],
  ['15-1142', '15-1244', 'Network and Computer Systems Administrators'],
  ['15-1143', '15-1241', 'Computer Network Architects'],
  ['15-1151', '15-1232', 'Computer User Support Specialists'],
  ['15-1152', '15-1231', 'Computer Network Support Specialists'],
  ['15-1199', '13-1082', 'Project Management Specialists'],
  ['15-1199', '15-1243', 'Database Architects'],
  ['15-1199', '15-1253', 'Software Quality Assurance Analysts and Testers'],
  ['15-1199', '15-1255', 'Web and Digital Interface Designers'],
  ['15-1199', '15-1299', 'Computer Occupations, All Other'],
  ['15-2041', '15-2041', 'Statisticians'],
  ['17-2061', '17-2061', 'Computer Hardware Engineers'],
  ['17-2071', '17-2071', 'Electrical Engineers'],
  ['17-2141', '17-2141', 'Mechanical Engineers'],
];
