/**
 * How O*NET's skill elements map onto the paper's hard/soft distinction. The paper's soft skills
 * are professional ones (communication, problem solving, working with people); O*NET's basic
 * content and process skills, social skills, complex problem solving, judgment and time management
 * are those. Mathematics, science, technical and systems skills and resource management are hard.
 */
const SOFT_PREFIXES = ['2.A.1.a', '2.A.1.b', '2.A.1.c', '2.A.1.d', '2.A.2.', '2.B.1.', '2.B.2.', '2.B.4.e', '2.B.5.a'];

export function onetSkillKind(elementId: string): 'hard' | 'soft' {
  return SOFT_PREFIXES.some((prefix) => elementId.startsWith(prefix)) ? 'soft' : 'hard';
}

export const onetSkillId = (elementId: string) => `onet:${elementId}`;
export const technologySkillId = (name: string) => `tech:${slugify(name)}`;
export const customSkillId = (name: string) => `skill:${slugify(name)}`;

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
