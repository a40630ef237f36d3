export { skillsRoutes } from './skills.routes.js';
export { resolveSkillNames, type ResolvedSkill } from './skill-names.js';
