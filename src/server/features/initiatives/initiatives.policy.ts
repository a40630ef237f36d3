import { definePolicy, either, hasRole, staffMember, type Rule } from '../../platform/permissions.js';

/**
 * Initiatives are the coalition's internal planning: staff of member organizations read them;
 * students read none of it (403). The Coordinator and the Leadership Council manage everything; an
 * initiative leader manages the initiatives they own and everything in them (tasks, team, resources,
 * risks), but only the Coordinator or the Council delete an initiative or hand it to someone else.
 */
export interface OwnedInitiative {
  ownerId: string | null;
}
export interface OwnedRisk {
  ownerId: string | null;
  initiativeOwnerId: string | null;
}
export interface AuthoredPriority {
  authorId: string | null;
}

const council = hasRole('coordinator', 'leadership_council');
const leaderOf: Rule<OwnedInitiative> = (s, initiative) =>
  s.principal !== null && s.principal.roles.has('initiative_leader') && initiative.ownerId === s.principal.personId;
const manager = either<OwnedInitiative>(council, leaderOf);
const riskManager: Rule<OwnedRisk> = (s, risk) => manager(s, { ownerId: risk.initiativeOwnerId });
/** The person named as a risk's owner keeps its mitigation and status up to date. */
const riskOwner: Rule<OwnedRisk> = (s, risk) => s.principal !== null && risk.ownerId === s.principal.personId;
const author: Rule<AuthoredPriority> = (s, priority) => s.principal !== null && priority.authorId === s.principal.personId;

export const initiativesPolicy = definePolicy({
  'initiative.list': staffMember,
  'initiative.read': staffMember,
  // An initiative leader may propose one; they become its owner.
  'initiative.create': hasRole('coordinator', 'leadership_council', 'initiative_leader'),
  'initiative.update': manager,
  'initiative.assignOwner': council,
  'initiative.delete': council,
  // Tasks, the RACI table, the baseline, requirements and costs: whoever manages the initiative.
  'initiative.plan': manager,
  'masterPlan.read': staffMember,
  'statusReport.read': staffMember,

  'strategySession.read': staffMember,
  'strategySession.manage': council,
  'strategyPriority.create': staffMember,
  /** Recording a priority on behalf of another organization. */
  'strategyPriority.createForAny': council,
  'strategyPriority.update': either<AuthoredPriority>(council, author),
  'strategyPriority.delete': either<AuthoredPriority>(council, author),
  'strategyBallot.cast': staffMember,

  'finance.read': staffMember,
  'pledge.manage': council,

  'risk.read': staffMember,
  'risk.create': manager,
  'risk.update': either<OwnedRisk>(riskManager, riskOwner),
  'risk.delete': riskManager,
});
