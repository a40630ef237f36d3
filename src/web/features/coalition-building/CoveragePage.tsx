import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { stakeholderTypes, type CoverageItemDto } from '../../../shared/coverage.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { cbApi, cbKeys } from './api';

/** One seat: colour and icon AND words say whether it is filled, so colour is never the only cue. */
function SeatCell({ item }: { item: CoverageItemDto }) {
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
            <Text key={p.personId} size="xs">
              {p.name}{p.organizationName ? `, ${p.organizationName}` : ''}{p.member ? '' : ` (${t('coalitionBuilding.coverage.invitedOnly')})`}
            </Text>
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
  const query = useQuery({ queryKey: cbKeys.coverage(slug), queryFn: ({ signal }) => cbApi.coverage(slug, signal) });
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
          {stakeholderTypes.map((type) => {
            const seats = query.data.items.filter((i) => i.stakeholderType === type);
            const filled = seats.filter((s) => s.filled).length;
            return (
              <section key={type} aria-labelledby={`cb-seats-${type}`}>
                <Title order={2} size="h4" id={`cb-seats-${type}`} mb="xs">
                  {t(`coalitionBuilding.stakeholderTypes.${type}`)} <Text span c="dimmed" size="sm">({t('coalitionBuilding.coverage.count', { filled, total: seats.length })})</Text>
                </Title>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="ul" style={{ padding: 0, margin: 0 }}>
                  {seats.map((s) => <SeatCell key={s.seat} item={s} />)}
                </SimpleGrid>
              </section>
            );
          })}
          <DecisionMakers />
        </Stack>
      )}
    </>
  );
}
