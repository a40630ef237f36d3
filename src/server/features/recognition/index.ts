export { recognitionRoutes } from './recognition.routes.js';
export { awardsOf } from './rounds.service.js';
