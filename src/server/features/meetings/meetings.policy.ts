import { anyMember, definePolicy, either, hasRole, staffMember, type Rule } from '../../platform/permissions.js';

/**
 * Meetings are run by the Coordinator, the Leadership Council and facilitators (they schedule,
 * order the agenda, take minutes and attendance, assign action items). Staff of member
 * organizations see every meeting; a student sees only the meetings they are invited to (e.g. a
 * focus group). Invitees RSVP, check themselves in and propose agenda items; an action item's owner
 * marks it done.
 */
export interface MeetingAccess {
  invited: boolean;
}
export interface OwnedActionItem {
  ownerId: string | null;
}

export const meetingManager = hasRole('coordinator', 'leadership_council', 'facilitator');
const invitee: Rule<MeetingAccess> = (_s, m) => m.invited;
const owner: Rule<OwnedActionItem> = (s, item) => s.principal !== null && item.ownerId === s.principal.personId;

export const meetingsPolicy = definePolicy({
  'meeting.list': anyMember,
  'meeting.read': either<MeetingAccess>(staffMember, invitee),
  'meeting.create': meetingManager,
  'meeting.update': meetingManager,
  'meeting.delete': meetingManager,
  'meeting.rsvp': either<MeetingAccess>(invitee),
  'meeting.checkIn': meetingManager,
  'meeting.checkInSelf': either<MeetingAccess>(invitee),
  'meeting.propose': either<MeetingAccess>(staffMember, invitee),
  'meeting.editAgenda': meetingManager,
  'meeting.followUp': meetingManager,
  'actionItem.create': meetingManager,
  'actionItem.update': either<OwnedActionItem>(meetingManager, owner),
  'actionItem.delete': meetingManager,
  'actionItem.toTask': meetingManager,
  'actionItem.mine': anyMember,
  'calendarFeed.manage': anyMember,
});
