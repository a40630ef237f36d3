import { Checkbox, Fieldset, ScrollArea, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrganizationType, Role } from '../../../shared/common.contract';
import { useCoalition } from '../../coalition/context';
import { ORG_TYPE_VALUES, ROLE_VALUES, useLabels } from '../../components/labels';
import { iniKeys, initiativesApi } from '../initiatives/api';

export interface AudienceValue {
  roles: Role[];
  organizationTypes: OrganizationType[];
  initiativeIds: string[];
  pointsOfContact: boolean;
}
export const emptyAudienceValue: AudienceValue = { roles: [], organizationTypes: [], initiativeIds: [], pointsOfContact: false };
export const audienceIsEmpty = (a: AudienceValue) => a.roles.length + a.organizationTypes.length + a.initiativeIds.length === 0 && !a.pointsOfContact;

/**
 * Who is invited (or addressed): the union of people with these roles, at these organization types,
 * on these initiatives, and the member organizations' points of contact.
 */
export function AudienceFields({ legend, description, value, onChange, idPrefix }: { legend: string; description: string; value: AudienceValue; onChange: (next: AudienceValue) => void; idPrefix: string }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useLabels();
  const params = { limit: 200 };
  const initiatives = useQuery({ queryKey: iniKeys.list(slug, params), queryFn: ({ signal }) => initiativesApi.list(slug, params, signal) });
  return (
    <Fieldset legend={legend} variant="filled">
      <Text size="sm" c="dimmed" mb="sm">
        {description}
      </Text>
      <Checkbox.Group label={t('meetings.audience.roles')} value={value.roles} onChange={(next) => onChange({ ...value, roles: ROLE_VALUES.filter((r) => next.includes(r)) })}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mt="xs" mb="md">
          {ROLE_VALUES.map((role) => (
            <Checkbox key={role} value={role} label={labels.role(role)} id={`${idPrefix}-role-${role}`} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group label={t('meetings.audience.organizationTypes')} value={value.organizationTypes} onChange={(next) => onChange({ ...value, organizationTypes: ORG_TYPE_VALUES.filter((o) => next.includes(o)) })}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt="xs" mb="md">
          {ORG_TYPE_VALUES.map((type) => (
            <Checkbox key={type} value={type} label={labels.orgType(type)} id={`${idPrefix}-org-${type}`} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group label={t('meetings.audience.initiatives')} description={t('meetings.audience.initiativesHint')} value={value.initiativeIds} onChange={(next) => onChange({ ...value, initiativeIds: next })}>
        {initiatives.isError ? (
          <Text size="sm" c="red.8">{t('meetings.audience.initiativesError')}</Text>
        ) : (initiatives.data?.items.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed">{initiatives.isPending ? t('common.loading') : t('meetings.audience.noInitiatives')}</Text>
        ) : (
          <ScrollArea.Autosize mah={180} type="auto" mt="xs" mb="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {initiatives.data!.items.map((i) => (
                <Checkbox key={i.id} value={i.id} label={i.title} id={`${idPrefix}-ini-${i.id}`} />
              ))}
            </SimpleGrid>
          </ScrollArea.Autosize>
        )}
      </Checkbox.Group>
      <Checkbox mt="sm" label={t('meetings.audience.pointsOfContact')} checked={value.pointsOfContact} onChange={(e) => onChange({ ...value, pointsOfContact: e.currentTarget.checked })} />
    </Fieldset>
  );
}
