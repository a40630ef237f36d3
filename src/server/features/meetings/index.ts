import type { FastifyPluginAsync } from 'fastify';
import { actionItemsRoutes } from './action-items.routes.js';
import { agendaRoutes } from './agenda.routes.js';
import { calendarRoutes } from './calendar.routes.js';
import { meetingsCoreRoutes } from './meetings.routes.js';
import './follow-up.js';

/** Every route of the room: meetings, invitees and attendance, the live agenda, action items, calendars. */
export const meetingsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(meetingsCoreRoutes);
  await app.register(agendaRoutes);
  await app.register(actionItemsRoutes);
  await app.register(calendarRoutes);
};
export { attendanceByOrganization, attendanceTotal, type OrganizationAttendance } from './attendance.js';
export { emptyAudience, normalizeAudience, resolveAudience } from './audience.js';
export { openItemsOfOwners } from './action-items.queries.js';
export { registerRetryingJob } from './job-retry.js';
export { formatInZone, wallClock } from './time-zone.js';
export { agendaSections, type AgendaSectionBuilder, type AgendaWindow } from './agenda.sections.js';
