import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tiers, type RoundDto, type Tier } from '../../../shared/recognition.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { IconAward } from '@tabler/icons-react';
import { metricsApi, metricsKeys, thisYear } from './api';

/** Scores from records, rounds with nominations and the committee's decisions, and awards. */
export default function RecognitionPage() {
  const { t } = useTranslation();
  const { slug, membership } = useCoalition();
  const year = thisYear();
  const client = useQueryClient();
  const scores = useQuery({ queryKey: metricsKeys.scores(slug, year), queryFn: () => metricsApi.scores(slug, year) });
  const rounds = useQuery({ queryKey: metricsKeys.rounds(slug), queryFn: () => metricsApi.rounds(slug) });
  const awards = useQuery({ queryKey: metricsKeys.awards(slug), queryFn: () => metricsApi.awards(slug) });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['recognition', slug] })]);
  const open = useMutation({ mutationFn: () => metricsApi.openRound(slug, year), onSuccess: refresh });
  const isCoordinator = membership.roles.includes('coordinator');
  const hasRound = (rounds.data?.items ?? []).some((r) => r.year === year);

  return (
    <>
      <PageHeader
        title={t('metrics.recognition.title')}
        description={t('metrics.recognition.description')}
        back={{ to: `/c/${slug}/metrics`, label: t('metrics.title') }}
        actions={isCoordinator && !hasRound && rounds.isSuccess ? <Button onClick={() => open.mutate()} loading={open.isPending}>{t('metrics.recognition.openRound', { year })}</Button> : undefined}
      />
      {open.isError && <ProblemAlert error={open.error} />}
      <Stack gap="xl">
        <section aria-labelledby="rounds-title">
          <Title order={2} size="h3" id="rounds-title" mb="sm">{t('metrics.recognition.rounds')}</Title>
          {rounds.isPending ? <Loading /> : rounds.isError ? <QueryErrorState error={rounds.error} onRetry={() => void rounds.refetch()} /> : rounds.data.items.length === 0 ? <Empty icon={<IconAward />} title={t('metrics.recognition.noRounds')} order={3} /> : (
            <Stack>
              {rounds.data.items.map((round) => <RoundCard key={round.id} round={round} candidates={scores.data?.items ?? []} onChange={refresh} />)}
            </Stack>
          )}
        </section>
        <section aria-labelledby="awards-title">
          <Title order={2} size="h3" id="awards-title" mb="sm">{t('metrics.recognition.awards')}</Title>
          {awards.isPending ? <Loading /> : awards.isError ? <QueryErrorState error={awards.error} /> : awards.data.items.length === 0 ? <Empty icon={<IconAward />} title={t('metrics.recognition.noAwards')} order={3} /> : (
            <Table withTableBorder striped>
              <Table.Caption>{t('metrics.recognition.awardsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('metrics.recognition.organization')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.recognition.tier')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.year')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.recognition.certificate')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.recognition.credential')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {awards.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Th scope="row" fw={500}>{a.organizationName}</Table.Th>
                    <Table.Td><Badge variant="light">{t(`metrics.tiers.${a.tier}`)}</Badge></Table.Td>
                    <Table.Td>{a.year}</Table.Td>
                    <Table.Td><Anchor href={a.certificateUrl} download>{t('metrics.recognition.certificateOf', { name: a.organizationName })}</Anchor></Table.Td>
                    <Table.Td><Anchor href={a.credentialUrl} target="_blank" rel="noreferrer">{t('metrics.recognition.credentialOf', { name: a.organizationName })}</Anchor></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        <section aria-labelledby="scores-title">
          <Title order={2} size="h3" id="scores-title" mb="sm">{t('metrics.recognition.scores')}</Title>
          {scores.isPending ? <Loading /> : scores.isError ? <QueryErrorState error={scores.error} /> : (
            <Table withTableBorder striped>
              <Table.Caption>{t('metrics.recognition.scoresCaption', { year })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('metrics.recognition.organization')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.recognition.memberType')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.recognition.score')}</Table.Th>
                  <Table.Th scope="col">{t('metrics.recognition.tier')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {scores.data.items.map((s) => (
                  <Table.Tr key={s.organizationId}>
                    <Table.Th scope="row" fw={500}>{s.name}</Table.Th>
                    <Table.Td>{t(`metrics.memberTypes.${s.memberType}`)}</Table.Td>
                    <Table.Td>{s.score}</Table.Td>
                    <Table.Td>{s.tier ? t(`metrics.tiers.${s.tier}`) : t('metrics.recognition.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      </Stack>
    </>
  );
}

function RoundCard({ round, candidates, onChange }: { round: RoundDto; candidates: { organizationId: string; name: string }[]; onChange: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const { slug, membership } = useCoalition();
  const [nominee, setNominee] = useState('');
  const nominate = useMutation({ mutationFn: () => metricsApi.nominate(slug, round.id, nominee), onSuccess: () => { setNominee(''); return onChange(); } });
  const [tiersChosen, setTiersChosen] = useState<Record<string, Tier>>({});
  const decide = useMutation({ mutationFn: (v: { id: string; decision: 'approved' | 'declined'; tier?: Tier }) => metricsApi.decide(slug, v.id, v.tier ? { decision: v.decision, tier: v.tier } : { decision: v.decision }), onSuccess: onChange });
  const close = useMutation({ mutationFn: () => metricsApi.closeRound(slug, round.id), onSuccess: onChange });
  const canNominate = membership.roles.includes('coordinator') || membership.roles.includes('leadership_council');
  const canDecide = membership.roles.includes('leadership_council');
  const nominated = new Set(round.nominations.map((n) => n.organizationId));
  const open = round.status === 'open';
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">{t('metrics.recognition.round', { year: round.year })}</Title>
        <Group gap="xs">
          <Badge variant="default">{open ? t('metrics.recognition.open') : t('metrics.recognition.closed')}</Badge>
          {round.endorsedBy && <Badge variant="outline">{t('metrics.recognition.endorsedBy', { name: round.endorsedBy })}</Badge>}
        </Group>
      </Group>
      {[nominate.error, decide.error, close.error].map((e, i) => e && <ProblemAlert key={i} error={e} />)}
      {open && canNominate && (
        <Group align="flex-end" mb="sm">
          <NativeSelect label={t('metrics.recognition.nominee')} value={nominee} onChange={(e) => setNominee(e.currentTarget.value)} data={[{ value: '', label: '—' }, ...candidates.filter((c) => !nominated.has(c.organizationId)).map((c) => ({ value: c.organizationId, label: c.name }))]} />
          <Button onClick={() => nominate.mutate()} disabled={!nominee} loading={nominate.isPending}>{t('metrics.recognition.nominate')}</Button>
        </Group>
      )}
      {round.nominations.length > 0 && (
        <Table>
          <Table.Caption>{t('metrics.recognition.nominationsCaption', { year: round.year })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('metrics.recognition.organization')}</Table.Th>
              <Table.Th scope="col">{t('metrics.recognition.score')}</Table.Th>
              <Table.Th scope="col">{t('metrics.recognition.tier')}</Table.Th>
              <Table.Th scope="col">{t('metrics.recognition.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.nominations.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Th scope="row" fw={500}>{n.organizationName}</Table.Th>
                <Table.Td>{n.score}</Table.Td>
                <Table.Td>
                  {n.status === 'nominated' && open && canDecide ? (
                    <NativeSelect
                      aria-label={`${t('metrics.recognition.tier')}: ${n.organizationName}`}
                      value={tiersChosen[n.id] ?? n.suggestedTier ?? 'bronze'}
                      onChange={(e) => setTiersChosen({ ...tiersChosen, [n.id]: e.currentTarget.value as Tier })}
                      data={tiers.map((tier) => ({ value: tier, label: t(`metrics.tiers.${tier}`) }))}
                    />
                  ) : n.tier ? t(`metrics.tiers.${n.tier}`) : n.suggestedTier ? t(`metrics.tiers.${n.suggestedTier}`) : t('metrics.recognition.none')}
                </Table.Td>
                <Table.Td>
                  {n.status === 'nominated' && open && canDecide ? (
                    <Group gap="xs">
                      <Button size="xs" onClick={() => decide.mutate({ id: n.id, decision: 'approved', tier: tiersChosen[n.id] ?? n.suggestedTier ?? 'bronze' })} aria-label={`${t('metrics.recognition.approve')}: ${n.organizationName}`}>{t('metrics.recognition.approve')}</Button>
                      <Button size="xs" variant="default" onClick={() => decide.mutate({ id: n.id, decision: 'declined' })} aria-label={`${t('metrics.recognition.decline')}: ${n.organizationName}`}>{t('metrics.recognition.decline')}</Button>
                    </Group>
                  ) : (
                    <Text size="sm">{t(`metrics.recognition.decision.${n.status}`)}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && membership.roles.includes('coordinator') && (
        <Button variant="default" mt="sm" onClick={() => close.mutate()} loading={close.isPending}>{t('metrics.recognition.close')}</Button>
      )}
    </Paper>
  );
}
