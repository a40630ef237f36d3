import type { ApplicationStatus } from '../../../shared/applications.contract.js';
import { anyMember, definePolicy, hasRole, type Rule } from '../../platform/permissions.js';

/** How the caller stands to an application (decided in applications.service.ts from the record). */
export type ApplicationRelation = 'self' | 'coordinator' | 'host' | 'institution';
type Related = { relation: ApplicationRelation };
const is =
  (...relations: ApplicationRelation[]): Rule<Related> =>
  (_s, record) =>
    relations.includes(record.relation);

/** Who may move an application to which status. */
const moves: Record<Exclude<ApplicationRelation, 'coordinator'>, readonly ApplicationStatus[]> = {
  // The host runs its hiring: interviews, offers, placements, completion, hires, rejections.
  host: ['interviewing', 'offered', 'placed', 'completed', 'hired', 'declined'],
  // The student withdraws, or turns an offer down (declined from offered).
  self: ['withdrawn', 'declined'],
  institution: [],
};
const mayMove: Rule<Related & { from: ApplicationStatus; to: ApplicationStatus }> = (_s, r) => {
  if (r.relation === 'coordinator') return true;
  if (r.relation === 'self' && r.to === 'declined') return r.from === 'offered';
  return moves[r.relation].includes(r.to);
};

export const applicationsPolicy = definePolicy({
  'application.list': anyMember,
  'application.read': is('self', 'coordinator', 'host', 'institution'),
  // Applying shares the application with the host: the student does it, or the Coordinator brokering for them.
  'application.create': is('self', 'coordinator'),
  'application.move': mayMove,
  'application.updatePlacement': is('coordinator', 'host'),
  'application.signOff': is('coordinator', 'host'),
  'application.delete': hasRole('coordinator'),
  // The whole funnel and the fairness view are the Coordinator's (the Council sees the funnel too).
  'application.funnel': hasRole('coordinator', 'leadership_council'),
  'application.fairness': hasRole('coordinator'),
});
