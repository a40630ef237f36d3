import { Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { initiativesApi, iniKeys } from './api';
import { iniPaths } from './paths';
import { SessionPriorities } from './SessionPriorities';
import { SessionRanking } from './SessionRanking';
import { useIniFormat } from './util';

/** One strategy session: priorities heard, initiatives proposed (tied to the 3 priorities and 7 recommendations), ranking and result. */
export default function StrategySessionPage() {
  const { t } = useTranslation();
  const { slug, can, membership } = useCoalition();
  const id = useParams().id!;
  const fmt = useIniFormat();
  const session = useQuery({ queryKey: iniKeys.session(slug, id), queryFn: ({ signal }) => initiativesApi.session(slug, id, signal) });
  const proposals = useQuery({ queryKey: iniKeys.list(slug, { strategySessionId: id, limit: 100 }), queryFn: ({ signal }) => initiativesApi.list(slug, { strategySessionId: id, limit: 100 }, signal) });
  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const canPropose = membership.roles.some((r) => r === 'coordinator' || r === 'leadership_council' || r === 'initiative_leader');
  return (
    <>
      <PageHeader
        title={s.title}
        back={{ to: iniPaths.sessions(slug), label: t('initiatives.strategy.back') }}
        description={t('initiatives.strategy.heldOnValue', { date: fmt.day(s.heldOn) })}
        actions={<Badge size="lg" variant="light" color={s.status === 'adopted' ? 'green' : 'blue'}>{t(`initiatives.strategy.statuses.${s.status}`)}</Badge>}
      />
      {s.notes && <Text mb="md" style={{ whiteSpace: 'pre-line' }}>{s.notes}</Text>}
      <Stack gap="xl">
        <SessionPriorities slug={slug} sessionId={id} />
        <section aria-labelledby="proposals-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="proposals-heading">
              {t('initiatives.strategy.proposals')}
            </Title>
            {canPropose && s.status === 'open' && (
              <Button component={Link} to={iniPaths.create(slug, id)} variant="light" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('initiatives.strategy.propose')}
              </Button>
            )}
          </Group>
          {proposals.isPending ? <Loading /> : proposals.isError ? <QueryErrorState error={proposals.error} onRetry={() => void proposals.refetch()} /> : (
            <List spacing={4}>
              {proposals.data.items.map((p) => (
                <List.Item key={p.id}>
                  <Anchor component={Link} to={iniPaths.initiative(slug, p.id)}>{p.title}</Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    {[...p.strategicPriorities.map((x) => t(`initiatives.priorities.${x}`)), ...p.recommendations.map((n) => `#${n}`)].join(' · ')}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </section>
        {proposals.data && <SessionRanking slug={slug} sessionId={id} proposals={proposals.data.items} canAdopt={can.editDirectory} adopted={s.status === 'adopted'} />}
      </Stack>
    </>
  );
}
