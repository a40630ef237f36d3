/** English messages of the account security page (issue 10: password, e-mail, other sessions). */
export const account = {
  menu: 'Account security',
  security: {
    title: 'Account security',
    intro: 'Change your password or e-mail address and sign out of other devices. Each change asks for your current password first.',
    signedInAs: 'You sign in as {{email}}.',
    currentPassword: 'Current password',
    currentPasswordHint: 'To confirm it is you.',
    password: {
      title: 'Change your password',
      explain: 'Changing it signs you out everywhere else and revokes every API token; this browser stays signed in. We e-mail you a notice.',
      newPassword: 'New password',
      newPasswordHint: 'At least {{count}} characters. A long phrase is easiest to remember; very common passwords are refused.',
      confirm: 'New password again',
      mismatch: 'The two new passwords are not the same',
      submit: 'Change password',
      done: 'Your password is changed. Other sessions are signed out and your API tokens are revoked.',
    },
    email: {
      title: 'Change your e-mail address',
      explain: 'We send a link to the new address; the change happens only when you open it. Your current address is told, too.',
      newEmail: 'New e-mail address',
      submit: 'Send the confirmation link',
      sent: 'We sent a link to {{email}}. Your address changes when you open it (within 24 hours); until then, sign in with {{current}}.',
    },
    sessions: {
      title: 'Other sessions',
      explain: 'Signed in on a shared or lost device? Sign out every other session of your account; this browser stays signed in. Sessions end by themselves after 12 hours unused, and after 7 days at most.',
      submit: 'Sign out everywhere else',
      confirmTitle: 'Sign out every other session?',
      confirmBody: 'Every other browser and device signed in to your account will have to sign in again. API tokens are not affected.',
      done_one: '{{count}} other session was signed out.',
      done_other: '{{count}} other sessions were signed out.',
      doneNone: 'There was no other session to sign out.',
    },
    tokens: {
      title: 'API tokens',
      explain: 'Scripts and partner systems use personal tokens; review and revoke them on their own page.',
      link: 'Manage API tokens',
    },
  },
};
