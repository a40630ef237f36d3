/**
 * A curated starter set of skills for the paper's 18 occupations (in their SOC 2018 codes), so the
 * occupation pages are useful before anyone imports O*NET. Skill elements and technology names are
 * O*NET's, so an O*NET import merges with them; importance (1–5) is an editorial estimate by
 * TalentBridge, labelled as such in the data-sources page, and an O*NET import replaces it.
 */
export const onetElements: [string, string][] = [
  ['2.A.1.a', 'Reading Comprehension'], ['2.A.1.b', 'Active Listening'], ['2.A.1.c', 'Writing'], ['2.A.1.d', 'Speaking'],
  ['2.A.1.e', 'Mathematics'], ['2.A.1.f', 'Science'], ['2.A.2.a', 'Critical Thinking'], ['2.A.2.b', 'Active Learning'],
  ['2.B.1.b', 'Coordination'], ['2.B.1.e', 'Instructing'], ['2.B.1.f', 'Service Orientation'], ['2.B.2.i', 'Complex Problem Solving'],
  ['2.B.3.a', 'Operations Analysis'], ['2.B.3.b', 'Technology Design'], ['2.B.3.d', 'Installation'], ['2.B.3.e', 'Programming'],
  ['2.B.3.j', 'Equipment Maintenance'], ['2.B.3.k', 'Troubleshooting'], ['2.B.3.m', 'Quality Control Analysis'],
  ['2.B.4.e', 'Judgment and Decision Making'], ['2.B.4.g', 'Systems Analysis'], ['2.B.4.h', 'Systems Evaluation'],
  ['2.B.5.a', 'Time Management'], ['2.B.5.b', 'Management of Financial Resources'], ['2.B.5.d', 'Management of Personnel Resources'],
];

/** Hard skills employers and the paper name that O*NET has no skill element for. */
export const customHardSkills = ['Cloud Computing', 'Cybersecurity', 'Computer Networking', 'Database Design', 'Data Analysis', 'Machine Learning', 'Web Development', 'UX/UI Design', 'IT Infrastructure Management'];

/** O*NET Technology Skills examples: name, commodity code, Hot Technology. */
export const technologies: [string, string, boolean][] = [
  ['Python', '43232405', true], ['JavaScript', '43232408', true], ['Structured query language SQL', '43232306', true],
  ['Amazon Web Services AWS software', '43232306', true], ['Linux', '43233004', true], ['Git', '43232203', true],
  ['Oracle Java', '43232405', true], ['React', '43232408', true], ['R', '43232405', true], ['Autodesk AutoCAD', '43232604', true],
  ['The MathWorks MATLAB', '43232605', true], ['Cisco IOS', '43233004', false], ['Microsoft Active Directory', '43232704', true],
  ['ServiceNow', '43232306', true], ['Microsoft Azure software', '43232402', true], ['Docker', '43232701', true],
  ['Hypertext markup language HTML', '43232408', true], ['Cascading style sheets CSS', '43232408', true], ['Tableau', '43232314', true],
  ['Microsoft PowerShell', '43232402', true], ['Figma', '43232404', true], ['SAS', '43232605', true], ['Microsoft SQL Server', '43232306', true],
  ['Wireshark', '43232801', false], ['Atlassian JIRA', '43232201', true],
];

/** Soft skills every one of these occupations rates highly. */
const core: [string, number][] = [
  ['Critical Thinking', 4.0], ['Active Listening', 3.8], ['Reading Comprehension', 3.9], ['Speaking', 3.6], ['Writing', 3.5],
  ['Complex Problem Solving', 3.9], ['Judgment and Decision Making', 3.6], ['Active Learning', 3.6], ['Time Management', 3.3],
];

/** SOC 2018 → its distinctive skills with importance, and its technologies. */
export const occupationProfiles: Record<string, { skills: [string, number][]; technologies: string[] }> = {
  '11-3021': { skills: [['Management of Personnel Resources', 4.0], ['Management of Financial Resources', 3.5], ['Coordination', 4.0], ['Systems Evaluation', 3.9], ['Systems Analysis', 3.9], ['IT Infrastructure Management', 4.2]], technologies: ['ServiceNow', 'Atlassian JIRA', 'Microsoft Azure software', 'Amazon Web Services AWS software'] },
  '15-1221': { skills: [['Programming', 4.2], ['Mathematics', 4.3], ['Science', 4.0], ['Systems Analysis', 4.0], ['Machine Learning', 4.2], ['Data Analysis', 4.1]], technologies: ['Python', 'R', 'The MathWorks MATLAB', 'Git'] },
  '15-1211': { skills: [['Systems Analysis', 4.2], ['Operations Analysis', 4.0], ['Systems Evaluation', 4.0], ['Programming', 3.2], ['Data Analysis', 3.8]], technologies: ['Structured query language SQL', 'Tableau', 'ServiceNow', 'Atlassian JIRA'] },
  '15-1212': { skills: [['Cybersecurity', 4.6], ['Computer Networking', 4.0], ['Systems Evaluation', 4.0], ['Systems Analysis', 4.0], ['Troubleshooting', 3.6]], technologies: ['Wireshark', 'Linux', 'Microsoft PowerShell', 'Microsoft Active Directory'] },
  '15-1251': { skills: [['Programming', 4.6], ['Quality Control Analysis', 3.7], ['Troubleshooting', 3.6]], technologies: ['Oracle Java', 'Python', 'Structured query language SQL', 'Git'] },
  '15-1252': { skills: [['Programming', 4.5], ['Systems Analysis', 3.9], ['Technology Design', 3.8], ['Quality Control Analysis', 3.5], ['Cloud Computing', 3.8]], technologies: ['Python', 'JavaScript', 'Oracle Java', 'Structured query language SQL', 'Git', 'Amazon Web Services AWS software', 'Docker', 'React'] },
  '15-1253': { skills: [['Quality Control Analysis', 4.4], ['Programming', 3.6], ['Troubleshooting', 3.8]], technologies: ['Atlassian JIRA', 'Python', 'Git', 'Structured query language SQL'] },
  '15-1254': { skills: [['Web Development', 4.5], ['Programming', 4.1], ['Technology Design', 3.9], ['UX/UI Design', 3.5]], technologies: ['JavaScript', 'Hypertext markup language HTML', 'Cascading style sheets CSS', 'React', 'Git', 'Structured query language SQL'] },
  '15-1255': { skills: [['UX/UI Design', 4.5], ['Technology Design', 4.2], ['Web Development', 3.8]], technologies: ['Figma', 'Hypertext markup language HTML', 'Cascading style sheets CSS', 'JavaScript'] },
  '15-1242': { skills: [['Database Design', 4.4], ['Troubleshooting', 3.8], ['Systems Analysis', 3.7]], technologies: ['Structured query language SQL', 'Microsoft SQL Server', 'Linux', 'Microsoft PowerShell'] },
  '15-1243': { skills: [['Database Design', 4.5], ['Systems Analysis', 4.1], ['Technology Design', 3.9], ['Cloud Computing', 3.7]], technologies: ['Structured query language SQL', 'Amazon Web Services AWS software', 'Microsoft Azure software'] },
  '15-1244': { skills: [['Computer Networking', 4.3], ['Troubleshooting', 4.2], ['IT Infrastructure Management', 4.3], ['Installation', 3.2]], technologies: ['Linux', 'Microsoft Active Directory', 'Microsoft PowerShell', 'Cisco IOS', 'Microsoft Azure software'] },
  '15-1241': { skills: [['Computer Networking', 4.6], ['Systems Analysis', 4.1], ['Technology Design', 4.0], ['IT Infrastructure Management', 4.3], ['Cloud Computing', 4.0]], technologies: ['Cisco IOS', 'Amazon Web Services AWS software', 'Microsoft Azure software', 'Linux'] },
  '15-1232': { skills: [['Troubleshooting', 4.3], ['Service Orientation', 4.2], ['Instructing', 3.5], ['Installation', 3.2]], technologies: ['Microsoft Active Directory', 'ServiceNow', 'Microsoft PowerShell', 'Atlassian JIRA'] },
  '15-1231': { skills: [['Troubleshooting', 4.3], ['Computer Networking', 4.2], ['Equipment Maintenance', 3.2]], technologies: ['Cisco IOS', 'Wireshark', 'Linux'] },
  '15-1299': { skills: [['Programming', 3.5], ['Systems Analysis', 3.8]], technologies: ['Python', 'Structured query language SQL'] },
  '13-1082': { skills: [['Coordination', 4.2], ['Management of Personnel Resources', 3.6], ['Time Management', 4.0]], technologies: ['Atlassian JIRA'] },
  '15-2041': { skills: [['Mathematics', 4.6], ['Data Analysis', 4.5], ['Programming', 3.8], ['Science', 3.6]], technologies: ['R', 'SAS', 'Python', 'Structured query language SQL', 'Tableau'] },
  '17-2061': { skills: [['Technology Design', 4.2], ['Mathematics', 4.1], ['Science', 4.0], ['Troubleshooting', 3.9], ['Programming', 3.6], ['Quality Control Analysis', 3.6]], technologies: ['The MathWorks MATLAB', 'Autodesk AutoCAD', 'Linux', 'Python'] },
  '17-2071': { skills: [['Mathematics', 4.2], ['Science', 4.0], ['Technology Design', 3.9], ['Troubleshooting', 3.7]], technologies: ['The MathWorks MATLAB', 'Autodesk AutoCAD'] },
  '17-2141': { skills: [['Mathematics', 4.2], ['Science', 3.9], ['Technology Design', 4.1], ['Operations Analysis', 3.4]], technologies: ['Autodesk AutoCAD', 'The MathWorks MATLAB'] },
};

export const coreSoftSkills = core;
