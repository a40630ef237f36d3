import { Badge, Button, Group, List, NativeSelect, Paper, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { priorityCreateInput, priorityKinds } from '../../../shared/strategy-sessions.contract';
import { Loading } from '../../components/Loading';
import { QueryErrorState } from '../../components/QueryState';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { initiativesApi, iniKeys } from './api';

/** Priorities members bring to the session (candidate profiles, preparation needs, WBL timing). */
export function SessionPriorities({ slug, sessionId }: { slug: string; sessionId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = [...iniKeys.session(slug, sessionId), 'priorities'];
  const priorities = useQuery({ queryKey: key, queryFn: ({ signal }) => initiativesApi.priorities(slug, sessionId, signal) });
  const form = useForm({
    initialValues: { kind: 'candidate_profile', title: '', details: '' },
    schema: priorityCreateInput,
    onSubmit: async (data) => {
      await initiativesApi.createPriority(slug, sessionId, data);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: iniKeys.all(slug) });
    },
  });
  return (
    <section aria-labelledby="priorities-heading">
      <Title order={2} size="h3" id="priorities-heading" mb="sm">
        {t('initiatives.strategy.priorities')}
      </Title>
      {priorities.isPending ? (
        <Loading />
      ) : priorities.isError ? (
        <QueryErrorState error={priorities.error} onRetry={() => void priorities.refetch()} />
      ) : priorities.data.items.length === 0 ? (
        <Text c="dimmed">{t('initiatives.strategy.noPriorities')}</Text>
      ) : (
        <List spacing={6}>
          {priorities.data.items.map((p) => (
            <List.Item key={p.id}>
              <Group gap={6}>
                <Text span fw={600}>{p.title}</Text>
                <Badge size="sm" variant="light">{t(`initiatives.strategy.kinds.${p.kind}`)}</Badge>
                <Text span size="sm" c="dimmed">{p.organization.name}</Text>
              </Group>
              {p.details && <Text size="sm">{p.details}</Text>}
            </List.Item>
          ))}
        </List>
      )}
      <Paper withBorder p="sm" mt="sm">
        <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-label={t('initiatives.strategy.addPriority')}>
          <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
          <Group align="flex-start" gap="sm">
            <NativeSelect label={t('initiatives.strategy.kind')} {...form.textProps('kind')} data={priorityKinds.map((k) => ({ value: k, label: t(`initiatives.strategy.kinds.${k}`) }))} />
            <TextInput label={t('initiatives.strategy.priorityTitle')} required {...form.textProps('title')} style={{ flex: '1 1 14rem' }} />
            <TextInput label={t('initiatives.strategy.details')} {...form.textProps('details')} style={{ flex: '1 1 14rem' }} />
            <Button type="submit" variant="light" mt={25} loading={form.submitting}>
              {t('initiatives.strategy.addPriority')}
            </Button>
          </Group>
        </form>
      </Paper>
    </section>
  );
}
