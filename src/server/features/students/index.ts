export { studentsRoutes } from './students.routes.js';
export { studentPrivacyRoutes } from './students.privacy.routes.js';
export { adultCutoff, adultOrConsented, isMinor, isStaff, listedInDirectory, logStudentAccess, relationTo, sharedWithOrAppliedTo, studentAccessLogInsert, templateViewer, viewerShape, viewerValues, visibleStudentIds, visibleStudents, type ViewerShape } from './students.visibility.js';
export { recordWorkBasedEvidence } from './students.skills.js';
import './students.import.js';
import './students.retention.js';
