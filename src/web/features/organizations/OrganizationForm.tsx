import { Button, Grid, Group, NativeSelect, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OrganizationType } from '../../../shared/common.contract';
import {
  organizationCreateInput,
  type OrganizationDto,
} from '../../../shared/organizations.contract';
import { isKnownSubtype, ORG_SUBTYPE_VALUES, ORG_TYPE_VALUES, useLabels } from '../../components/labels';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import type { z } from 'zod';

const OTHER = '__other';

type Output = z.output<typeof organizationCreateInput>;

interface OrganizationFormProps {
  organization?: OrganizationDto;
  onSubmit: (data: Output) => Promise<unknown>;
  cancelTo: string;
}

/**
 * Create and edit form of an organization, validated with the shared organizationCreateInput schema.
 * Labels: Name, Organization type, Subtype (+ Other kind), Website, Address, Description, External ID; button "Save organization".
 */
export function OrganizationForm({ organization, onSubmit, cancelTo }: OrganizationFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const subtype = organization?.subtype ?? '';
  const form = useForm({
    initialValues: {
      name: organization?.name ?? '',
      type: (organization?.type ?? '') as OrganizationType | '',
      subtype: subtype === '' ? '' : isKnownSubtype(subtype) ? subtype : OTHER,
      subtypeOther: subtype && !isKnownSubtype(subtype) ? subtype : '',
      website: organization?.website ?? '',
      address: organization?.address ?? '',
      description: organization?.description ?? '',
      externalId: organization?.externalId ?? '',
    },
    schema: organizationCreateInput,
    toInput: ({ subtype: choice, subtypeOther, type, ...rest }) => ({
      ...rest,
      type: type || undefined,
      subtype: choice === OTHER ? subtypeOther : choice,
    }),
    onSubmit: (data) => onSubmit(data),
  });

  const other = form.values.subtype === OTHER;

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={860}>
      <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
        <Stack gap="md">
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <TextInput label={t('organizations.fields.name')} required autoComplete="organization" {...form.textProps('name')} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={t('organizations.fields.type')}
                required
                {...form.textProps('type')}
                data={[
                  { value: '', label: t('organizations.fields.typePlaceholder'), disabled: true },
                  ...ORG_TYPE_VALUES.map((v) => ({ value: v, label: labels.orgType(v) })),
                ]}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={t('organizations.fields.subtype')}
                {...form.textProps('subtype')}
                error={other ? undefined : form.errors.subtype}
                data={[
                  { value: '', label: t('organizations.fields.subtypeNone') },
                  ...ORG_SUBTYPE_VALUES.map((v) => ({ value: v, label: labels.subtype(v) })),
                  { value: OTHER, label: t('organizations.fields.subtypeOther') },
                ]}
              />
            </Grid.Col>
          </Grid>
          {other && (
            <TextInput
              label={t('organizations.fields.subtypeCustom')}
              description={t('organizations.fields.subtypeCustomHint')}
              {...form.textProps('subtypeOther')}
              error={form.errors.subtype ?? form.errors.subtypeOther}
            />
          )}
          <TextInput
            label={t('organizations.fields.website')}
            description={t('organizations.fields.websiteHint')}
            type="url"
            inputMode="url"
            autoComplete="url"
            {...form.textProps('website')}
          />
          <Textarea label={t('organizations.fields.address')} autosize minRows={2} maxRows={5} autoComplete="street-address" {...form.textProps('address')} />
          <Textarea label={t('organizations.fields.description')} autosize minRows={3} maxRows={12} {...form.textProps('description')} />
          <TextInput
            label={t('organizations.fields.externalId')}
            description={t('organizations.fields.externalIdHint')}
            autoComplete="off"
            {...form.textProps('externalId')}
          />
          <Group justify="flex-end" gap="sm">
            <Button component={Link} to={cancelTo} variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('organizations.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
