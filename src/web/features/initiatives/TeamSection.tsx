import { Badge, Button, Checkbox, Group, NativeSelect, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { raciRoles, stakeholderCreateInput, type InitiativeDto } from '../../../shared/initiatives.contract';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { initiativesApi, iniKeys } from './api';
import { Scroll } from './ui';
import { usePeople } from './util';

/** The RACI table: who is responsible, accountable, consulted, informed; and each organization's point of contact. */
export function TeamSection({ slug, initiative, canManage }: { slug: string; initiative: InitiativeDto; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const people = usePeople(slug);
  const form = useForm({
    initialValues: { personId: '', raci: 'responsible', role: '', pointOfContact: false },
    schema: stakeholderCreateInput,
    toInput: (v) => ({ ...v, personId: v.personId || undefined }),
    onSubmit: async (data) => {
      await initiativesApi.addStakeholder(slug, initiative.id, data);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: iniKeys.detail(slug, initiative.id) });
    },
  });
  const uncovered = initiative.organizations.filter((o) => o.pointsOfContact.length === 0);
  return (
    <section aria-labelledby="team-heading">
      <Title order={2} id="team-heading" size="h3" mb="sm">
        {t('initiatives.team.title')}
      </Title>
      {initiative.stakeholders.length === 0 ? (
        <Text c="dimmed" mb="sm">{t('initiatives.team.empty')}</Text>
      ) : (
        <Scroll minWidth={600}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('initiatives.team.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('initiatives.team.person')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.team.organization')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.team.raci')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.team.role')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {initiative.stakeholders.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={400}>
                    {s.person.name}
                    {s.pointOfContact && (
                      <Badge ml="xs" size="xs" variant="light">
                        {t('initiatives.team.poc')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{s.person.organizationName ?? '—'}</Table.Td>
                  <Table.Td>{t(`initiatives.raci.${s.raci}`)}</Table.Td>
                  <Table.Td>{s.role ?? '—'}</Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('initiatives.team.remove', { name: s.person.name })}
                        onClick={async () => {
                          await initiativesApi.removeStakeholder(slug, initiative.id, s.id);
                          await queryClient.invalidateQueries({ queryKey: iniKeys.detail(slug, initiative.id) });
                        }}
                      >
                        {t('common.delete')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      {uncovered.length > 0 && (
        <Text size="sm" c="orange.9" mt="xs">
          {t('initiatives.team.noPoc', { names: uncovered.map((o) => o.organizationName).join(', ') })}
        </Text>
      )}
      {canManage && (
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-label={t('initiatives.team.add')}>
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <Group align="flex-end" gap="sm" mt="sm">
            <NativeSelect
              label={t('initiatives.team.person')}
              {...form.textProps('personId')}
              data={[{ value: '', label: t('initiatives.team.choosePerson'), disabled: true }, ...(people.data ?? []).map((p) => ({ value: p.id, label: p.organizationName ? `${p.name} (${p.organizationName})` : p.name }))]}
              w={260}
            />
            <NativeSelect label={t('initiatives.team.raci')} {...form.textProps('raci')} data={raciRoles.map((r) => ({ value: r, label: t(`initiatives.raci.${r}`) }))} />
            <TextInput label={t('initiatives.team.role')} {...form.textProps('role')} />
            <Checkbox label={t('initiatives.team.poc')} checked={form.values.pointOfContact} onChange={(e) => form.setField('pointOfContact', e.currentTarget.checked)} mb={8} />
            <Button type="submit" variant="light" loading={form.submitting}>
              {t('initiatives.team.add')}
            </Button>
          </Group>
        </form>
      )}
    </section>
  );
}
