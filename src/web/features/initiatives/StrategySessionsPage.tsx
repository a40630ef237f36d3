import { Anchor, Badge, Button, Group, Paper, Stack, Table, Textarea, TextInput, Title } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { strategySessionCreateInput } from '../../../shared/strategy-sessions.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { initiativesApi, iniKeys } from './api';
import { Scroll } from './ui';
import { iniPaths } from './paths';
import { todayIso, useIniFormat } from './util';

/** Strategy sessions (roadmap Phase 1, Step 3): where priorities are heard and initiatives proposed and ranked. */
export default function StrategySessionsPage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const fmt = useIniFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: iniKeys.sessions(slug), queryFn: ({ signal }) => initiativesApi.sessions(slug, signal) });
  const form = useForm({
    initialValues: { title: '', heldOn: todayIso(), notes: '' },
    schema: strategySessionCreateInput,
    onSubmit: async (data) => {
      const created = await initiativesApi.createSession(slug, data);
      await queryClient.invalidateQueries({ queryKey: iniKeys.sessions(slug) });
      navigate(iniPaths.session(slug, created.id));
    },
  });
  return (
    <>
      <PageHeader title={t('initiatives.strategy.title')} description={t('initiatives.strategy.intro')} />
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <QueryErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <Empty icon={<IconTargetArrow size={28} aria-hidden />} title={t('initiatives.strategy.emptyTitle')} description={t('initiatives.strategy.emptyBody')} />
      ) : (
        <Scroll minWidth={600}>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('initiatives.strategy.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('initiatives.strategy.sessionTitle')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.strategy.heldOn')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.strategy.status')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.strategy.counts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={iniPaths.session(slug, s.id)}>
                      {s.title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{fmt.day(s.heldOn)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={s.status === 'adopted' ? 'green' : 'blue'}>
                      {t(`initiatives.strategy.statuses.${s.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t('initiatives.strategy.countsValue', { priorities: s.priorities, proposals: s.proposals, ballots: s.ballots })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Scroll>
      )}
      {can.editDirectory && (
        <Paper withBorder p="md" mt="lg" maw={700}>
          <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="new-session">
            <Stack gap="sm">
              <Title order={2} size="h4" id="new-session">
                {t('initiatives.strategy.plan')}
              </Title>
              <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
              <Group grow align="flex-start">
                <TextInput label={t('initiatives.strategy.sessionTitle')} required {...form.textProps('title')} />
                <TextInput type="date" label={t('initiatives.strategy.heldOn')} required {...form.textProps('heldOn')} />
              </Group>
              <Textarea label={t('initiatives.strategy.notes')} autosize minRows={2} {...form.textProps('notes')} />
              <Group justify="flex-end">
                <Button type="submit" loading={form.submitting}>
                  {t('initiatives.strategy.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </>
  );
}
