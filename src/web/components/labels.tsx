import { Badge, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationType, Role } from '../../shared/common.contract';
import type { organizationSubtypes } from '../../shared/organizations.contract';
import { en } from '../i18n/en';

// The catalogue must name exactly the values the shared contract allows (checked at compile time).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rolesMatch: Same<keyof typeof en.roles, Role> = true;
const typesMatch: Same<keyof typeof en.orgTypes, OrganizationType> = true;
const subtypesMatch: Same<keyof typeof en.orgSubtypes, (typeof organizationSubtypes)[number]> = true;
void [rolesMatch, typesMatch, subtypesMatch];

/** Role and organization type values, listed here so the entry bundle needn't load Zod for them. */
export const ROLE_VALUES = Object.keys(en.roles) as Role[];
export const ORG_TYPE_VALUES = Object.keys(en.orgTypes) as OrganizationType[];
export const ORG_SUBTYPE_VALUES = Object.keys(en.orgSubtypes) as (keyof typeof en.orgSubtypes)[];

export function isKnownSubtype(value: string | null | undefined): value is keyof typeof en.orgSubtypes {
  return !!value && (ORG_SUBTYPE_VALUES as string[]).includes(value);
}

/** "innovation_center" → "Innovation center"; free text typed by a person is left as it is. */
function humanize(value: string): string {
  if (!/^[a-z0-9]+(_[a-z0-9]+)+$/.test(value)) return value;
  const spaced = value.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function useLabels() {
  const { t } = useTranslation();
  return useMemo(() => ({
    role: (role: Role) => t(`roles.${role}`),
    orgType: (type: OrganizationType) => t(`orgTypes.${type}`),
    /** Known subtypes are translated; free-text ones are shown as typed. */
    subtype: (subtype: string | null | undefined) => (subtype ? (isKnownSubtype(subtype) ? t(`orgSubtypes.${subtype}`) : humanize(subtype)) : ''),
  }), [t]);
}

export function RoleBadges({ roles, empty }: { roles: readonly Role[]; empty?: string }) {
  const labels = useLabels();
  if (roles.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" color={role === 'coordinator' ? 'blue' : 'gray'} tt="none" fw={500}>
          {labels.role(role)}
        </Badge>
      ))}
    </Group>
  );
}
