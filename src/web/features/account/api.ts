import type { EmailChangeInput, PasswordChangeInput } from '../../../shared/auth.contract';
import { apiFetch } from '../../api/client';

/** The account security calls (decision 014): each needs the current password, except signing others out. */
export const accountApi = {
  changePassword: (body: PasswordChangeInput) => apiFetch<unknown>('/auth/password', { method: 'POST', body }),
  changeEmail: (body: EmailChangeInput) => apiFetch<unknown>('/auth/email', { method: 'POST', body }),
  signOutOthers: () => apiFetch<{ ended: number }>('/auth/sign-out-others', { method: 'POST' }),
};
