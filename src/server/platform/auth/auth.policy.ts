import { anyone, definePolicy, signedIn } from '../permissions.js';

export const authPolicy = definePolicy({
  'account.signUp': anyone,
  'account.signIn': anyone,
  'account.signOut': anyone,
  'account.requestPasswordReset': anyone,
  'account.completePasswordReset': anyone,
  'account.me': signedIn,
  'account.manageTokens': signedIn,
  'account.changePassword': signedIn,
  'account.changeEmail': signedIn,
  'account.confirmEmail': anyone,
  'account.signOutOthers': signedIn,
});
