import { Alert, Badge, Button, Code, CopyButton, Group, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTokenDto } from '../../../shared/auth.contract';
import { apiTokenCreateInput } from '../../../shared/auth.contract';
import { api, keys, type ApiTokenCreatedDto } from '../../api/endpoints';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { useFormatters } from '../../i18n/format';

export default function TokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fmt = useFormatters();
  const [created, setCreated] = useState<ApiTokenCreatedDto | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: api.auth.tokens });

  const form = useForm({
    initialValues: { name: '', currentPassword: '' },
    schema: apiTokenCreateInput,
    // Needed only when this session signed in more than a few minutes ago (re-authentication).
    toInput: (values) => ({ name: values.name, currentPassword: values.currentPassword || undefined }),
    onSubmit: async (data) => {
      setMessage(null);
      setCreated(null);
      const token = await api.auth.createToken(data);
      setCreated(token);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
  });

  const revoke = async (token: ApiTokenDto) => {
    await api.auth.revokeToken(token.id);
    if (created?.id === token.id) setCreated(null);
    await queryClient.invalidateQueries({ queryKey: keys.tokens });
    setMessage(t('tokens.revoked', { name: token.name }));
  };

  const items = tokens.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.intro')} />
      <Stack gap="lg" maw={1000}>
        <StatusMessage message={message} onClose={() => setMessage(null)} />
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="tb-token-form">
          <Title order={2} size="h4" id="tb-token-form" mb="md">
            {t('tokens.formTitle')}
          </Title>
          <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate>
            <Stack gap="md">
              <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={t('tokens.name')}
                  description={t('tokens.nameHint')}
                  autoComplete="off"
                  required
                  style={{ flex: '1 1 18rem' }}
                  {...form.textProps('name')}
                />
                <PasswordInput
                  label={t('tokens.currentPassword')}
                  description={t('tokens.currentPasswordHint')}
                  autoComplete="current-password"
                  style={{ flex: '1 1 14rem' }}
                  {...form.textProps('currentPassword')}
                />
                <Button type="submit" loading={form.submitting} leftSection={<IconKey size={16} aria-hidden />}>
                  {t('tokens.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
          <div role="status" aria-live="polite">
            {created && (
              <Alert mt="md" color="teal" variant="light" role="none" title={t('tokens.createdTitle', { name: created.name })}>
                <Stack gap="sm">
                  <Text size="sm">{t('tokens.createdBody')}</Text>
                  <Group gap="sm" wrap="wrap" align="flex-end">
                    <TextInput
                      label={t('tokens.tokenLabel')}
                      value={created.token}
                      readOnly
                      onFocus={(e) => e.currentTarget.select()}
                      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                      style={{ flex: '1 1 20rem' }}
                    />
                    <CopyButton value={created.token} timeout={2500}>
                      {({ copied, copy }) => (
                        <Button
                          variant={copied ? 'filled' : 'light'}
                          color={copied ? 'teal' : 'blue'}
                          onClick={copy}
                          leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                        >
                          {copied ? t('tokens.copiedToken') : t('tokens.copyToken')}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </Stack>
              </Alert>
            )}
          </div>
        </Paper>

        <section aria-labelledby="tb-token-list">
          <Title order={2} size="h4" id="tb-token-list" mb="sm">
            {t('tokens.listTitle')}
          </Title>
          {tokens.isPending ? (
            <Loading />
          ) : tokens.isError ? (
            <QueryErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : items.length === 0 ? (
            <Empty icon={<IconKey size={28} aria-hidden />} order={3} title={t('tokens.emptyTitle')} description={t('tokens.emptyBody')} />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing="sm">
                <Table.Caption className="tb-sr-only">{t('tokens.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('tokens.name')}</Table.Th>
                    <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
                    <Table.Th scope="col">{t('tokens.createdAt')}</Table.Th>
                    <Table.Th scope="col">{t('tokens.lastUsedAt')}</Table.Th>
                    <Table.Th scope="col">{t('tokens.status')}</Table.Th>
                    <Table.Th scope="col">{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((token) => (
                    <Table.Tr key={token.id}>
                      <Table.Th scope="row" fw={500}>
                        {token.name}
                      </Table.Th>
                      <Table.Td>
                        <Code>{token.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>{fmt.dateTime(token.createdAt)}</Table.Td>
                      <Table.Td>{token.lastUsedAt ? fmt.dateTime(token.lastUsedAt) : t('common.never')}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={token.revokedAt ? 'gray' : 'teal'} tt="none">
                          {token.revokedAt ? t('tokens.revokedStatus') : t('tokens.active')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {!token.revokedAt && (
                          <ConfirmButton
                            size="xs"
                            aria-label={t('tokens.revokeLabel', { name: token.name })}
                            title={t('tokens.revokeConfirmTitle', { name: token.name })}
                            body={t('tokens.revokeConfirmBody')}
                            confirmLabel={t('tokens.revoke')}
                            onConfirm={() => revoke(token)}
                          >
                            {t('tokens.revoke')}
                          </ConfirmButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      </Stack>
    </>
  );
}
