import { anyMember, anyone, definePolicy, either, hasRole, type Rule } from '../../platform/permissions.js';

/**
 * The Coordinator disseminates (Recommendation #7): only they compose, preview and send
 * announcements and start digest runs. Everyone reads the announcements they received, manages
 * their own preferences and previews their own digest. The unsubscribe link works without signing
 * in: the signed token is the authority.
 */
export interface ReceivedAnnouncement {
  received: boolean;
}

const coordinator = hasRole('coordinator');
const recipient: Rule<ReceivedAnnouncement> = (_s, a) => a.received;

export const communicationsPolicy = definePolicy({
  'announcement.list': anyMember,
  'announcement.read': either<ReceivedAnnouncement>(coordinator, recipient),
  'announcement.preview': coordinator,
  'announcement.create': coordinator,
  'announcement.update': coordinator,
  'announcement.delete': coordinator,
  'announcement.send': coordinator,
  'announcement.deliveries': coordinator,
  'digest.run': coordinator,
  'digest.read': coordinator,
  'digest.schedule.read': coordinator,
  'digest.schedule.update': coordinator,
  'digest.previewOwn': anyMember,
  'communicationPreferences.manageOwn': anyMember,
  'unsubscribe.withToken': anyone,
});
