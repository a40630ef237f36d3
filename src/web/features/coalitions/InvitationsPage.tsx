import { Badge, Button, Grid, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationDto } from '../../../shared/auth.contract';
import { invitationCreateInput } from '../../../shared/auth.contract';
import type { Role } from '../../../shared/common.contract';
import { api, keys } from '../../api/endpoints';
import { useCoalition } from '../../coalition/context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty } from '../../components/Empty';
import { RoleBadges } from '../../components/labels';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { OrganizationPicker } from '../../forms/OrganizationPicker';
import { RolesField } from '../../forms/RolesField';
import { useForm } from '../../forms/useForm';
import { useFormatters } from '../../i18n/format';

type Status = 'pending' | 'accepted' | 'expired';

function statusOf(invitation: InvitationDto, now = Date.now()): Status {
  if (invitation.acceptedAt) return 'accepted';
  if (new Date(invitation.expiresAt).getTime() < now) return 'expired';
  return 'pending';
}

const STATUS_COLOR: Record<Status, string> = { pending: 'blue', accepted: 'teal', expired: 'gray' };

export default function InvitationsPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [organizationName, setOrganizationName] = useState<string | null>(null);
  const invitations = useQuery({ queryKey: keys.invitations(slug), queryFn: () => api.invitations.list(slug) });
  const fmt = useFormatters();

  const form = useForm({
    initialValues: { email: '', name: '', roles: ['member'] as Role[], organizationId: '' },
    schema: invitationCreateInput,
    toInput: (v) => ({ ...v, organizationId: v.organizationId || null }),
    onSubmit: async (data) => {
      setMessage(null);
      const created = await api.invitations.create(slug, data);
      await queryClient.invalidateQueries({ queryKey: keys.invitations(slug) });
      form.reset();
      setOrganizationName(null);
      setMessage(t('invitations.sent', { email: created.email }));
    },
  });

  const revoke = async (invitation: InvitationDto) => {
    await api.invitations.revoke(slug, invitation.id);
    await queryClient.invalidateQueries({ queryKey: keys.invitations(slug) });
    setMessage(t('invitations.revoked', { email: invitation.email }));
  };

  const items = invitations.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('invitations.title')} description={t('invitations.intro')} />
      <Stack gap="lg">
        <StatusMessage message={message} onClose={() => setMessage(null)} />
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="tb-invite-form">
          <Title order={2} size="h4" id="tb-invite-form" mb="md">
            {t('invitations.formTitle')}
          </Title>
          <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
            <Stack gap="md">
              <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
              <Grid>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput label={t('invitations.email')} type="email" inputMode="email" autoComplete="off" required {...form.textProps('email')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput label={t('invitations.name')} autoComplete="off" {...form.textProps('name')} />
                </Grid.Col>
              </Grid>
              <RolesField
                label={t('invitations.roles')}
                required
                value={form.values.roles}
                onChange={(roles) => form.setField('roles', roles)}
                error={form.errors.roles}
              />
              <OrganizationPicker
                slug={slug}
                label={t('invitations.organization')}
                value={form.values.organizationId}
                selectedName={organizationName}
                onChange={(id, name) => {
                  form.setField('organizationId', id);
                  setOrganizationName(name);
                }}
                error={form.errors.organizationId}
              />
              <Button type="submit" loading={form.submitting} leftSection={<IconMailPlus size={16} aria-hidden />} w="fit-content">
                {t('invitations.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>

        <section aria-labelledby="tb-invite-list">
          <Title order={2} size="h4" id="tb-invite-list" mb="sm">
            {t('invitations.listTitle')}
          </Title>
          {invitations.isPending ? (
            <Loading />
          ) : invitations.isError ? (
            <QueryErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
          ) : items.length === 0 ? (
            <Empty icon={<IconMailPlus size={28} aria-hidden />} order={3} title={t('invitations.emptyTitle')} description={t('invitations.emptyBody')} />
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover verticalSpacing="sm">
                <Table.Caption className="tb-sr-only">{t('invitations.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('invitations.email')}</Table.Th>
                    <Table.Th scope="col">{t('invitations.name')}</Table.Th>
                    <Table.Th scope="col">{t('invitations.roles')}</Table.Th>
                    <Table.Th scope="col">{t('invitations.status')}</Table.Th>
                    <Table.Th scope="col">{t('invitations.sentAt')}</Table.Th>
                    <Table.Th scope="col">{t('invitations.expiresAt')}</Table.Th>
                    <Table.Th scope="col">{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((invitation) => {
                    const status = statusOf(invitation);
                    return (
                      <Table.Tr key={invitation.id}>
                        <Table.Th scope="row" fw={500}>
                          {invitation.email}
                        </Table.Th>
                        <Table.Td>{invitation.name ?? <Text c="dimmed" size="sm">—</Text>}</Table.Td>
                        <Table.Td>
                          <RoleBadges roles={invitation.roles} />
                        </Table.Td>
                        <Table.Td>
                          <Badge color={STATUS_COLOR[status]} variant="light" tt="none">
                            {t(`invitations.${status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{fmt.dateTime(invitation.createdAt)}</Table.Td>
                        <Table.Td>{fmt.dateTime(invitation.expiresAt)}</Table.Td>
                        <Table.Td>
                          {status === 'pending' && (
                            <ConfirmButton
                              size="xs"
                              aria-label={t('invitations.revokeLabel', { email: invitation.email })}
                              title={t('invitations.revokeConfirmTitle', { email: invitation.email })}
                              body={t('invitations.revokeConfirmBody')}
                              confirmLabel={t('invitations.revoke')}
                              onConfirm={() => revoke(invitation)}
                            >
                              {t('invitations.revoke')}
                            </ConfirmButton>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      </Stack>
    </>
  );
}
