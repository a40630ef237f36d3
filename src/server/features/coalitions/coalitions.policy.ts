import { anyMember, anyone, definePolicy, hasRole, signedIn } from '../../platform/permissions.js';

export const coalitionsPolicy = definePolicy({
  'coalition.create': signedIn,
  'coalition.listMine': signedIn,
  'coalition.read': anyMember,
  'coalition.update': hasRole('coordinator'),
  'invitation.list': hasRole('coordinator'),
  'invitation.create': hasRole('coordinator'),
  'invitation.revoke': hasRole('coordinator'),
  // The token in the link is the credential.
  'invitation.preview': anyone,
  'invitation.accept': anyone,
});
