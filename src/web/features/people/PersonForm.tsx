import { Button, Grid, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type { Role } from '../../../shared/common.contract';
import { personCreateInput, type PersonDto } from '../../../shared/people.contract';
import { useCoalition } from '../../coalition/context';
import { FormErrors } from '../../forms/FormErrors';
import { OrganizationPicker } from '../../forms/OrganizationPicker';
import { RolesField } from '../../forms/RolesField';
import { useForm } from '../../forms/useForm';

type Output = z.output<typeof personCreateInput>;

interface PersonFormProps {
  person?: PersonDto;
  /** Preselected organization (e.g. "Add a person here" on an organization). */
  organization?: { id: string; name: string | null };
  onSubmit: (data: Output) => Promise<unknown>;
  cancelTo: string;
}

/** Create and edit form of a person, validated with the shared personCreateInput schema. */
export function PersonForm({ person, organization, onSubmit, cancelTo }: PersonFormProps) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const [organizationName, setOrganizationName] = useState<string | null>(person?.organizationName ?? organization?.name ?? null);
  const form = useForm({
    initialValues: {
      name: person?.name ?? '',
      title: person?.title ?? '',
      organizationId: person?.organizationId ?? organization?.id ?? '',
      email: person?.email ?? '',
      phone: person?.phone ?? '',
      roles: (person?.roles ?? []) as Role[],
      externalId: person?.externalId ?? '',
    },
    schema: personCreateInput,
    toInput: (v) => ({ ...v, organizationId: v.organizationId || null }),
    onSubmit: (data) => onSubmit(data),
  });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={860}>
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
        <Stack gap="md">
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('people.fields.name')} required autoComplete="off" {...form.textProps('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('people.fields.title')} autoComplete="off" {...form.textProps('title')} />
            </Grid.Col>
          </Grid>
          <OrganizationPicker
            slug={slug}
            label={t('people.fields.organization')}
            value={form.values.organizationId}
            selectedName={organizationName}
            onChange={(id, name) => {
              form.setField('organizationId', id);
              setOrganizationName(name);
            }}
            error={form.errors.organizationId}
          />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('people.fields.email')} type="email" inputMode="email" autoComplete="off" {...form.textProps('email')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('people.fields.phone')} type="tel" inputMode="tel" autoComplete="off" {...form.textProps('phone')} />
            </Grid.Col>
          </Grid>
          <RolesField
            label={t('people.fields.roles')}
            value={form.values.roles}
            onChange={(roles) => form.setField('roles', roles)}
            error={form.errors.roles}
          />
          <TextInput
            label={t('people.fields.externalId')}
            description={t('organizations.fields.externalIdHint')}
            autoComplete="off"
            {...form.textProps('externalId')}
          />
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={cancelTo} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('people.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
