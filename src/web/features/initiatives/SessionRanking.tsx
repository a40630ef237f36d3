import { ActionIcon, Badge, Button, Group, List, Paper, Table, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InitiativeDto } from '../../../shared/initiatives.contract';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { initiativesApi, iniKeys } from './api';
import { Scroll } from './ui';

/** My ranking of the proposals (↑/↓ buttons), and the prioritized list: Borda points, owner, teams. */
export function SessionRanking({ slug, sessionId, proposals, canAdopt, adopted }: { slug: string; sessionId: string; proposals: InitiativeDto[]; canAdopt: boolean; adopted: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ballot = useQuery({ queryKey: [...iniKeys.session(slug, sessionId), 'ballot'], queryFn: ({ signal }) => initiativesApi.ballot(slug, sessionId, signal) });
  const results = useQuery({ queryKey: [...iniKeys.session(slug, sessionId), 'results'], queryFn: ({ signal }) => initiativesApi.results(slug, sessionId, signal) });
  const [order, setOrder] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const mine = ballot.data?.initiativeIds ?? [];
    setOrder([...mine.filter((id) => proposals.some((p) => p.id === id)), ...proposals.map((p) => p.id).filter((id) => !mine.includes(id))]);
  }, [ballot.data, proposals]);
  const title = new Map(proposals.map((p) => [p.id, p.title]));
  const move = (k: number, by: number) => setOrder((o) => {
    const next = [...o];
    [next[k], next[k + by]] = [next[k + by]!, next[k]!];
    return next;
  });
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await fn();
      setMessage(done);
      await queryClient.invalidateQueries({ queryKey: iniKeys.all(slug) });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="ranking-heading">
      <Title order={2} size="h3" id="ranking-heading" mb="sm">
        {t('initiatives.strategy.ranking')}
      </Title>
      <StatusMessage message={message} onClose={() => setMessage(null)} mb="sm" />
      {error !== null && <ProblemAlert error={error} />}
      {proposals.length === 0 ? (
        <Text c="dimmed">{t('initiatives.strategy.noProposals')}</Text>
      ) : (
        <Paper withBorder p="sm" mb="md">
          <Text size="sm" mb="xs">{t('initiatives.strategy.rankHelp')}</Text>
          <List type="ordered" spacing={4}>
            {order.map((id, k) => (
              <List.Item key={id}>
                <Group gap={6} wrap="nowrap">
                  <Text span style={{ flex: 1 }}>{title.get(id)}</Text>
                  <ActionIcon variant="default" size="sm" disabled={k === 0 || adopted} onClick={() => move(k, -1)} aria-label={t('initiatives.strategy.moveUp', { title: title.get(id) })}>
                    <IconArrowUp size={14} aria-hidden />
                  </ActionIcon>
                  <ActionIcon variant="default" size="sm" disabled={k === order.length - 1 || adopted} onClick={() => move(k, 1)} aria-label={t('initiatives.strategy.moveDown', { title: title.get(id) })}>
                    <IconArrowDown size={14} aria-hidden />
                  </ActionIcon>
                </Group>
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end" mt="sm">
            <Button disabled={adopted} onClick={() => void run(() => initiativesApi.castBallot(slug, sessionId, order), t('initiatives.strategy.ballotSaved'))}>
              {t('initiatives.strategy.saveRanking')}
            </Button>
          </Group>
        </Paper>
      )}
      {results.data && results.data.items.length > 0 && (
        <>
          <Scroll minWidth={820}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>{t('initiatives.strategy.resultsCaption', { count: results.data.ballots })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('initiatives.strategy.rank')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.title')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.strategy.points')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.owner')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.fields.strategicPriorities')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.strategy.recs')}</Table.Th>
                  <Table.Th scope="col">{t('initiatives.strategy.teams')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.data.items.map((r) => (
                  <Table.Tr key={r.initiativeId}>
                    <Table.Td>{r.adoptedRank ?? r.rank}</Table.Td>
                    <Table.Th scope="row" fw={400}>{r.title}</Table.Th>
                    <Table.Td>{t('initiatives.strategy.pointsValue', { points: r.points, first: r.firstChoices })}</Table.Td>
                    <Table.Td>{r.owner?.name ?? t('initiatives.noOwner')}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {r.strategicPriorities.map((p) => (
                          <Badge key={p} size="xs" variant="outline">{t(`initiatives.priorities.${p as 'talent_pipeline'}`)}</Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{r.recommendations.map((n) => `#${n}`).join(', ') || '—'}</Table.Td>
                    <Table.Td>{r.organizations.map((o) => `${o.organizationName}${o.pointsOfContact.length ? ` (${o.pointsOfContact.map((p) => p.name).join(', ')})` : ''}`).join('; ') || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Scroll>
          {canAdopt && !adopted && (
            <Group justify="flex-end" mt="sm">
              <Button color="green" onClick={() => void run(() => initiativesApi.adopt(slug, sessionId), t('initiatives.strategy.adoptedMessage'))}>
                {t('initiatives.strategy.adopt')}
              </Button>
            </Group>
          )}
        </>
      )}
    </section>
  );
}
