import { z } from 'zod';
import { isoDateTime, optionalText, requiredText, roleSchema, uuid } from './common.contract.js';

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome (ASVS 5.0 V6.2.9: at least 64 allowed). */
export const PASSWORD_MAX_LENGTH = 256;

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid e-mail address'));
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`);

export const signInInput = z.object({ email, password: z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH) });
export type SignInInput = z.infer<typeof signInInput>;

export const signUpInput = z.object({ name: requiredText(200), email, password });
export type SignUpInput = z.infer<typeof signUpInput>;

export const membershipDto = z.object({
  coalitionId: uuid,
  slug: z.string(),
  name: z.string(),
  personId: uuid,
  roles: z.array(roleSchema),
  organizationId: uuid.nullable(),
});
export type MembershipDto = z.infer<typeof membershipDto>;

export const userDto = z.object({ id: uuid, email: z.string(), name: z.string() });
export type UserDto = z.infer<typeof userDto>;

export const meDto = z.object({
  user: userDto,
  coalitions: z.array(membershipDto),
  signUpOpen: z.boolean(),
});
export type MeDto = z.infer<typeof meDto>;

export const authConfigDto = z.object({ signUpOpen: z.boolean(), demo: z.boolean() });

export const passwordResetRequestInput = z.object({ email });
export const passwordResetCompleteInput = z.object({ token: z.string().min(10).max(200), password });
export type PasswordResetCompleteInput = z.infer<typeof passwordResetCompleteInput>;

/** Re-authentication for a sensitive change: the current password (ASVS 5.0 V7.5). */
export const currentPassword = z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH);

/** A session signed in within the last few minutes may create a token without re-entering the password. */
export const apiTokenCreateInput = z.object({ name: requiredText(100), currentPassword: currentPassword.optional() });

export const passwordChangeInput = z.object({ currentPassword, newPassword: password });
export type PasswordChangeInput = z.infer<typeof passwordChangeInput>;

export const emailChangeInput = z.object({ currentPassword, newEmail: email });
export type EmailChangeInput = z.infer<typeof emailChangeInput>;
export const emailChangeConfirmInput = z.object({ token: z.string().min(10).max(200) });
export const apiTokenDto = z.object({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type ApiTokenDto = z.infer<typeof apiTokenDto>;
/** The only time the secret is shown. */
export const apiTokenCreatedDto = apiTokenDto.extend({ token: z.string() });

export const invitationCreateInput = z.object({
  email,
  name: optionalText(200),
  roles: z.array(roleSchema).min(1, 'Choose at least one role').max(9),
  organizationId: uuid.nullish(),
});
export type InvitationCreateInput = z.infer<typeof invitationCreateInput>;

export const invitationDto = z.object({
  id: uuid,
  email: z.string(),
  name: z.string().nullable(),
  roles: z.array(roleSchema),
  organizationId: uuid.nullable(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  acceptedAt: isoDateTime.nullable(),
});
export type InvitationDto = z.infer<typeof invitationDto>;

/** What the invitation page shows before the invitee signs in or creates an account. */
export const invitationPreviewDto = z.object({
  coalitionName: z.string(),
  coalitionSlug: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  roles: z.array(roleSchema),
  accountExists: z.boolean(),
});
export const invitationAcceptInput = z.object({
  token: z.string().min(10).max(200),
  name: optionalText(200),
  password: password.optional(),
});
export type InvitationAcceptInput = z.infer<typeof invitationAcceptInput>;
