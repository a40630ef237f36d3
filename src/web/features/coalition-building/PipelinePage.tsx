import { Anchor, Badge, Button, Group, NativeSelect, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch, IconUsersPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { organizationTypes } from '../../../shared/common.contract';
import { prospectCreateInput, prospectStages, type ProspectStage } from '../../../shared/prospects.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { useLabels } from '../../components/labels';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { cbApi, cbKeys } from './api';
import { cbPaths } from './paths';

/** The stage counts as a row of labelled figures (text, not a chart: six numbers read faster). */
function StageSummary() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const summary = useQuery({ queryKey: cbKeys.summary(slug), queryFn: ({ signal }) => cbApi.summary(slug, signal) });
  if (!summary.data) return null;
  return (
    <Group gap="sm" mb="md" component="ul" style={{ listStyle: 'none', padding: 0 }} aria-label={t('coalitionBuilding.pipeline.summary')}>
      {summary.data.stages.map((s) => (
        <Paper key={s.stage} component="li" withBorder p="xs" miw={110}>
          <Text size="xl" fw={700}>{s.count}</Text>
          <Text size="sm" c="dimmed">{t(`coalitionBuilding.stages.${s.stage}`)}</Text>
        </Paper>
      ))}
    </Group>
  );
}

function AddProspect() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useLabels();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [type, setType] = useState<string>('employer');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (body: Parameters<typeof cbApi.createProspect>[1]) => cbApi.createProspect(slug, body),
    onSuccess: async (p) => {
      await client.invalidateQueries({ queryKey: cbKeys.all(slug) });
      navigate(cbPaths.prospect(slug, p.id));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = prospectCreateInput.safeParse({ name, type, stage: 'identified' });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    create.mutate({ name, type: parsed.data.type, stage: 'identified' });
  };
  return (
    <Paper withBorder p="md" mb="lg" component="form" onSubmit={submit} aria-labelledby="cb-add-prospect">
      <Title order={2} size="h4" id="cb-add-prospect" mb="sm">{t('coalitionBuilding.pipeline.add')}</Title>
      {create.isError && <ProblemAlert error={create.error} />}
      <Group align="flex-end" gap="sm">
        <TextInput label={t('coalitionBuilding.fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required style={{ flex: '1 1 16rem' }} />
        <NativeSelect label={t('coalitionBuilding.fields.type')} value={type} onChange={(e) => setType(e.currentTarget.value)} data={organizationTypes.map((v) => ({ value: v, label: labels.orgType(v) }))} />
        <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>{t('coalitionBuilding.pipeline.addButton')}</Button>
      </Group>
    </Paper>
  );
}

export default function PipelinePage() {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const labels = useLabels();
  const [q, setQ] = useState('');
  const [stage, setStage] = useState<ProspectStage | ''>('');
  const list = useInfiniteQuery({
    queryKey: cbKeys.prospects(slug, q, stage),
    queryFn: ({ pageParam, signal }) => cbApi.prospects(slug, { q, stage, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: can.editDirectory,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (!can.editDirectory) {
    return (
      <>
        <PageHeader title={t('coalitionBuilding.pipeline.title')} description={t('coalitionBuilding.pipeline.intro')} />
        <Empty icon={<IconUsersPlus size={28} aria-hidden />} title={t('coalitionBuilding.pipeline.councilOnly')} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('coalitionBuilding.pipeline.title')} description={t('coalitionBuilding.pipeline.intro')} />
      <StageSummary />
      <AddProspect />
      <Group align="flex-end" gap="sm" mb="md" role="search" aria-label={t('common.filters')}>
        <TextInput label={t('coalitionBuilding.pipeline.search')} type="search" leftSection={<IconSearch size={16} aria-hidden />} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: '1 1 18rem' }} />
        <Select label={t('coalitionBuilding.fields.stage')} value={stage} onChange={(v) => setStage((v ?? '') as ProspectStage | '')} data={[{ value: '', label: t('coalitionBuilding.pipeline.allStages') }, ...prospectStages.map((s) => ({ value: s, label: t(`coalitionBuilding.stages.${s}`) }))]} allowDeselect={false} />
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconUsersPlus size={28} aria-hidden />} title={t('coalitionBuilding.pipeline.empty')} />
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{t('coalitionBuilding.pipeline.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('coalitionBuilding.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.fields.type')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.fields.stage')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.fields.decisionMakers')}</Table.Th>
                  <Table.Th scope="col">{t('coalitionBuilding.fields.nextStep')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={cbPaths.prospect(slug, p.id)}>{p.name}</Anchor>
                      {p.illustrative && <Badge ml="xs" size="xs" variant="outline" color="gray">{t('coalitionBuilding.illustrative')}</Badge>}
                    </Table.Th>
                    <Table.Td>{labels.orgType(p.type)}</Table.Td>
                    <Table.Td><Badge variant="light" color={p.stage === 'member' ? 'green' : p.stage === 'declined' ? 'gray' : 'blue'}>{t(`coalitionBuilding.stages.${p.stage}`)}</Badge></Table.Td>
                    <Table.Td>{p.contacts.filter((c) => c.decisionMaker).map((c) => c.name).join(', ') || '—'}</Table.Td>
                    <Table.Td>{p.nextStep ? `${p.nextStep}${p.nextStepOn ? ` (${p.nextStepOn})` : ''}` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore shown={items.length} hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </Stack>
      )}
    </>
  );
}
