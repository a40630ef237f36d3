import { ActionIcon, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findSeat, seats, stakeholderTypes, type CoverageItemDto, type Seat } from '../../../shared/coverage.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { cbApi, cbKeys } from './api';
import { personLabel, usePeople } from './hooks';

/** Who fills a seat: a person of an organization of the seat's kind (the server checks it too). */
function AssignSeat({ items }: { items: CoverageItemDto[] }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const client = useQueryClient();
  const people = usePeople(slug);
  const [seat, setSeat] = useState<Seat>(seats[0].seat);
  const [personId, setPersonId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const allowed = findSeat(seat)?.organizationTypes as readonly string[] | undefined;
  const held = new Set(items.find((i) => i.seat === seat)?.people.map((p) => p.personId) ?? []);
  const candidates = (people.data ?? []).filter((p) => p.organizationType && allowed?.includes(p.organizationType) && !held.has(p.id));
  const assign = useMutation({
    mutationFn: () => cbApi.assignSeat(slug, seat, personId),
    onSuccess: async () => {
      const name = candidates.find((p) => p.id === personId)?.name ?? '';
      setPersonId('');
      await client.invalidateQueries({ queryKey: cbKeys.coverage(slug) });
      setDone(t('coalitionBuilding.coverage.assigned', { name, seat: t(`coalitionBuilding.seats.${seat}`) }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!personId) return setError(t('coalitionBuilding.coverage.choosePerson'));
    setError(undefined);
    assign.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="cb-assign-seat">
      <Title order={2} size="h4" id="cb-assign-seat" mb="sm">{t('coalitionBuilding.coverage.assignTitle')}</Title>
      <StatusMessage message={done} onClose={() => setDone(null)} />
      {assign.isError && <ProblemAlert error={assign.error} />}
      {people.isError && <ProblemAlert error={people.error} />}
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('coalitionBuilding.fields.seat')}
          value={seat}
          onChange={(e) => {
            setSeat(e.currentTarget.value as Seat);
            setPersonId('');
          }}
          data={stakeholderTypes.map((type) => ({ group: t(`coalitionBuilding.stakeholderTypes.${type}`), items: seats.filter((s) => s.stakeholderType === type).map((s) => ({ value: s.seat, label: t(`coalitionBuilding.seats.${s.seat}`) })) }))}
        />
        <NativeSelect
          label={t('coalitionBuilding.coverage.person')}
          value={personId}
          onChange={(e) => setPersonId(e.currentTarget.value)}
          error={error}
          disabled={people.isPending}
          description={candidates.length === 0 && !people.isPending ? t('coalitionBuilding.coverage.noCandidates') : undefined}
          data={[{ value: '', label: t('coalitionBuilding.coverage.choosePerson') }, ...candidates.map((p) => ({ value: p.id, label: personLabel(p) }))]}
          style={{ flex: '1 1 18rem' }}
        />
        <Button type="submit" loading={assign.isPending}>{t('coalitionBuilding.coverage.assign')}</Button>
      </Group>
    </Paper>
  );
}

/** One seat: colour and icon AND words say whether it is filled, so colour is never the only cue. */
function SeatCell({ item, onClear }: { item: CoverageItemDto; onClear?: ((personId: string) => void) | undefined }) {
  const { t } = useTranslation();
  const Icon = item.filled ? IconCircleCheck : IconCircleDashed;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      data-seat={item.seat}
      data-filled={item.filled}
      style={{ listStyle: 'none', background: item.filled ? 'var(--mantine-color-green-0)' : 'var(--mantine-color-red-0)', borderColor: item.filled ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-red-6)' }}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Icon size={20} aria-hidden color={item.filled ? 'var(--mantine-color-green-8)' : 'var(--mantine-color-red-8)'} style={{ flexShrink: 0 }} />
        <div>
          <Text fw={600} size="sm">{t(`coalitionBuilding.seats.${item.seat}`)}</Text>
          <Text size="sm" fw={700}>{item.filled ? t('coalitionBuilding.coverage.filled') : t('coalitionBuilding.coverage.empty')}</Text>
          {item.people.map((p) => (
            <Group key={p.personId} gap={4} wrap="nowrap" align="center">
              <Text size="xs">
                {p.name}{p.organizationName ? `, ${p.organizationName}` : ''}{p.member ? '' : ` (${t('coalitionBuilding.coverage.invitedOnly')})`}
              </Text>
              {onClear && (
                <ActionIcon size="sm" variant="subtle" color="dark" onClick={() => onClear(p.personId)} aria-label={t('coalitionBuilding.coverage.clear', { name: p.name, seat: t(`coalitionBuilding.seats.${item.seat}`) })}>
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
        </div>
      </Group>
    </Paper>
  );
}

function DecisionMakers() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const query = useQuery({ queryKey: cbKeys.decisionMakers(slug), queryFn: ({ signal }) => cbApi.decisionMakers(slug, signal) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, withoutDecisionMaker } = query.data;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{t('coalitionBuilding.coverage.decisionTitle')}</Title>
      <Text>{withoutDecisionMaker === 0 ? t('coalitionBuilding.coverage.allHave') : t('coalitionBuilding.coverage.someLack', { count: withoutDecisionMaker })}</Text>
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption className="tb-sr-only">{t('coalitionBuilding.coverage.decisionCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('coalitionBuilding.coverage.initiative')}</Table.Th>
                <Table.Th scope="col">{t('coalitionBuilding.coverage.decisionMakers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.initiativeId}>
                  <Table.Th scope="row" fw={400}>{i.title}</Table.Th>
                  <Table.Td>{i.hasDecisionMaker ? i.decisionMakers.map((d) => d.name).join(', ') : <Badge color="red" variant="light">{t('coalitionBuilding.coverage.none')}</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export default function CoveragePage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { can } = useCoalition();
  const client = useQueryClient();
  const query = useQuery({ queryKey: cbKeys.coverage(slug), queryFn: ({ signal }) => cbApi.coverage(slug, signal) });
  const [cleared, setCleared] = useState<string | null>(null);
  const clear = useMutation({
    mutationFn: (v: { seat: Seat; personId: string; name: string }) => cbApi.clearSeat(slug, v.seat, v.personId),
    onSuccess: async (_, v) => {
      await client.invalidateQueries({ queryKey: cbKeys.coverage(slug) });
      setCleared(t('coalitionBuilding.coverage.cleared', { name: v.name, seat: t(`coalitionBuilding.seats.${v.seat}`) }));
    },
  });
  const onClear = (item: CoverageItemDto) =>
    can.editDirectory ? (personId: string) => clear.mutate({ seat: item.seat, personId, name: item.people.find((p) => p.personId === personId)?.name ?? '' }) : undefined;
  return (
    <>
      <PageHeader title={t('coalitionBuilding.coverage.title')} description={t('coalitionBuilding.coverage.intro')} />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="xl">
          <Text fw={600} role="status">{t('coalitionBuilding.coverage.summary', { filled: query.data.filledCount, total: query.data.seatCount })}</Text>
          <StatusMessage message={cleared} onClose={() => setCleared(null)} />
          {clear.isError && <ProblemAlert error={clear.error} />}
          {stakeholderTypes.map((type) => {
            const seatsOfType = query.data.items.filter((i) => i.stakeholderType === type);
            const filled = seatsOfType.filter((s) => s.filled).length;
            return (
              <section key={type} aria-labelledby={`cb-seats-${type}`}>
                <Title order={2} size="h4" id={`cb-seats-${type}`} mb="xs">
                  {t(`coalitionBuilding.stakeholderTypes.${type}`)} <Text span c="dimmed" size="sm">({t('coalitionBuilding.coverage.count', { filled, total: seatsOfType.length })})</Text>
                </Title>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="ul" style={{ padding: 0, margin: 0 }}>
                  {seatsOfType.map((s) => <SeatCell key={s.seat} item={s} onClear={onClear(s)} />)}
                </SimpleGrid>
              </section>
            );
          })}
          {can.editDirectory && <AssignSeat items={query.data.items} />}
          <DecisionMakers />
        </Stack>
      )}
    </>
  );
}
