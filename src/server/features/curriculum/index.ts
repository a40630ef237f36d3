export { curriculumRoutes } from './curriculum.routes.js';
