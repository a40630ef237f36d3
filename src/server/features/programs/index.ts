export { programsRoutes } from './programs.routes.js';
export { changeCourseSkills, type CourseSkillChange } from './programs.service.js';
export { findCourse } from './programs.queries.js';
export { ownInstitution, institutionStaff, EDUCATION_TYPES } from './programs.policy.js';
