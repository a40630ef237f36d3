import { createContext, useContext } from 'react';
import type { MembershipDto } from '../../shared/auth.contract';

export interface Permissions {
  /** Coordinators and the leadership council create and edit organizations and people. */
  editDirectory: boolean;
  /** Settings, invitations, audit log and outbox. */
  coordinator: boolean;
}

export interface CoalitionContextValue {
  slug: string;
  membership: MembershipDto;
  can: Permissions;
}

export const CoalitionContext = createContext<CoalitionContextValue | null>(null);

export function permissionsOf(membership: MembershipDto | undefined): Permissions {
  const roles = membership?.roles ?? [];
  const coordinator = roles.includes('coordinator');
  return { coordinator, editDirectory: coordinator || roles.includes('leadership_council') };
}

export function useCoalition(): CoalitionContextValue {
  const value = useContext(CoalitionContext);
  if (!value) throw new Error('useCoalition() outside a coalition route');
  return value;
}

const LAST_SLUG_KEY = 'talentbridge.lastCoalition';

export function rememberCoalition(slug: string) {
  try {
    localStorage.setItem(LAST_SLUG_KEY, slug);
  } catch {
    /* storage unavailable */
  }
}

export function lastCoalition(): string | null {
  try {
    return localStorage.getItem(LAST_SLUG_KEY);
  } catch {
    return null;
  }
}

/** Path helpers for links inside a coalition. */
export const paths = {
  dashboard: (slug: string) => `/c/${slug}`,
  organizations: (slug: string) => `/c/${slug}/organizations`,
  organizationNew: (slug: string) => `/c/${slug}/organizations/new`,
  organization: (slug: string, id: string) => `/c/${slug}/organizations/${id}`,
  organizationEdit: (slug: string, id: string) => `/c/${slug}/organizations/${id}/edit`,
  people: (slug: string) => `/c/${slug}/people`,
  personNew: (slug: string) => `/c/${slug}/people/new`,
  person: (slug: string, id: string) => `/c/${slug}/people/${id}`,
  personEdit: (slug: string, id: string) => `/c/${slug}/people/${id}/edit`,
  settings: (slug: string) => `/c/${slug}/settings`,
  invitations: (slug: string) => `/c/${slug}/settings/invitations`,
  auditLog: (slug: string) => `/c/${slug}/settings/audit-log`,
  outbox: (slug: string) => `/c/${slug}/settings/outbox`,
};
