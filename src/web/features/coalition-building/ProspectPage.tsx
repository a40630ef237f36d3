import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { seatsForOrganizationType } from '../../../shared/coverage.contract';
import { prospectActivityInput, prospectActivityKinds, prospectContactInput, prospectStages, prospectUpdateInput, type ProspectActivityInput, type ProspectDto, type ProspectStage } from '../../../shared/prospects.contract';
import { useCoalition } from '../../coalition/context';
import { useLabels } from '../../components/labels';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { ConfirmButton } from '../../components/ConfirmButton';
import { StatusMessage } from '../../components/StatusMessage';
import { cbApi, cbKeys } from './api';
import { fieldErrors, personLabel, todayIso, usePeople } from './hooks';
import { cbPaths } from './paths';

/** Who owns the relationship, and what happens next, by when. Owners are the intermediary's staff and the Leadership Council. */
function DetailsForm({ prospect }: { prospect: ProspectDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const client = useQueryClient();
  const people = usePeople(slug);
  const [values, setValues] = useState({ ownerId: prospect.ownerId ?? '', nextStep: prospect.nextStep ?? '', nextStepOn: prospect.nextStepOn ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof cbApi.updateProspect>[2]) => cbApi.updateProspect(slug, prospect.id, body),
    onSuccess: async (saved) => {
      setValues({ ownerId: saved.ownerId ?? '', nextStep: saved.nextStep ?? '', nextStepOn: saved.nextStepOn ?? '' });
      await client.invalidateQueries({ queryKey: cbKeys.all(slug) });
      setDone(t('coalitionBuilding.prospect.detailsSaved'));
    },
  });
  const owners = (people.data ?? []).filter((p) => p.organizationType === 'intermediary' || p.roles.includes('coordinator') || p.roles.includes('leadership_council') || p.id === prospect.ownerId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = { ownerId: values.ownerId || null, nextStep: values.nextStep.trim() || null, nextStepOn: values.nextStepOn || null };
    const parsed = prospectUpdateInput.safeParse(body);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    save.mutate(body);
  };
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => setValues({ ...values, [key]: e.currentTarget.value });
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="cb-details">
      <Title order={2} size="h5" id="cb-details" mb="sm">{t('coalitionBuilding.prospect.details')}</Title>
      <StatusMessage message={done} onClose={() => setDone(null)} />
      {save.isError && <ProblemAlert error={save.error} />}
      {people.isError && <ProblemAlert error={people.error} />}
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('coalitionBuilding.fields.owner')}
          value={values.ownerId}
          onChange={set('ownerId')}
          error={errors.ownerId}
          disabled={people.isPending}
          data={[{ value: '', label: t('coalitionBuilding.prospect.noOwner') }, ...owners.map((p) => ({ value: p.id, label: personLabel(p) }))]}
        />
        <TextInput label={t('coalitionBuilding.fields.nextStep')} value={values.nextStep} onChange={set('nextStep')} error={errors.nextStep} style={{ flex: '1 1 16rem' }} />
        <TextInput type="date" label={t('coalitionBuilding.fields.nextStepOn')} value={values.nextStepOn} onChange={set('nextStepOn')} error={errors.nextStepOn} />
        <Button type="submit" loading={save.isPending}>{t('coalitionBuilding.prospect.saveDetails')}</Button>
      </Group>
    </Paper>
  );
}

function StageForm({ prospect }: { prospect: ProspectDto }) {
  const { t } = useTranslation();
  const { slug, can } = useCoalition();
  const client = useQueryClient();
  const [stage, setStage] = useState<ProspectStage>(prospect.stage);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => cbApi.updateProspect(slug, prospect.id, { stage }),
    onSuccess: async (p) => {
      await client.invalidateQueries({ queryKey: cbKeys.all(slug) });
      setDone(p.stage === 'member' ? t('coalitionBuilding.prospect.joined', { count: p.contacts.filter((c) => c.email).length }) : t('coalitionBuilding.prospect.saved'));
    },
  });
  if (prospect.stage === 'member') return <Text>{t('coalitionBuilding.prospect.isMember')}</Text>;
  const stages = prospectStages.filter((s) => s !== 'member' || can.coordinator);
  return (
    <Stack gap="xs">
      <StatusMessage message={done} onClose={() => setDone(null)} />
      {save.isError && <ProblemAlert error={save.error} />}
      <Group align="flex-end" gap="sm">
        <NativeSelect label={t('coalitionBuilding.fields.stage')} value={stage} onChange={(e) => setStage(e.currentTarget.value as ProspectStage)} data={stages.map((s) => ({ value: s, label: t(`coalitionBuilding.stages.${s}`) }))} />
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={stage === prospect.stage}>
          {stage === 'member' ? t('coalitionBuilding.prospect.makeMember') : t('coalitionBuilding.prospect.saveStage')}
        </Button>
      </Group>
      {stage === 'member' && <Text size="sm" c="dimmed">{t('coalitionBuilding.prospect.memberHint')}</Text>}
    </Stack>
  );
}

function AddContact({ prospect }: { prospect: ProspectDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const client = useQueryClient();
  const [values, setValues] = useState({ name: '', title: '', email: '', seat: '', decisionMaker: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: (body: Parameters<typeof cbApi.addContact>[2]) => cbApi.addContact(slug, prospect.id, body),
    onSuccess: async () => {
      setValues({ name: '', title: '', email: '', seat: '', decisionMaker: false });
      await client.invalidateQueries({ queryKey: cbKeys.prospect(slug, prospect.id) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...values, seat: values.seat || null, roles: ['member' as const] };
    const parsed = prospectContactInput.safeParse(body);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    add.mutate(parsed.data);
  };
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => setValues({ ...values, [key]: e.currentTarget.value });
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="cb-add-contact">
      <Title order={3} size="h5" id="cb-add-contact" mb="sm">{t('coalitionBuilding.prospect.addContact')}</Title>
      {add.isError && <ProblemAlert error={add.error} />}
      <Group align="flex-end" gap="sm">
        <TextInput label={t('coalitionBuilding.fields.name')} value={values.name} onChange={set('name')} error={errors.name} required />
        <TextInput label={t('coalitionBuilding.fields.title')} value={values.title} onChange={set('title')} error={errors.title} />
        <TextInput label={t('coalitionBuilding.fields.email')} type="email" value={values.email} onChange={set('email')} error={errors.email} />
        <NativeSelect label={t('coalitionBuilding.fields.seat')} value={values.seat} onChange={set('seat')} data={[{ value: '', label: t('coalitionBuilding.prospect.noSeat') }, ...seatsForOrganizationType(prospect.type).map((s) => ({ value: s, label: t(`coalitionBuilding.seats.${s}`) }))]} />
        <Checkbox label={t('coalitionBuilding.fields.decisionMaker')} checked={values.decisionMaker} onChange={(e) => setValues({ ...values, decisionMaker: e.currentTarget.checked })} mb={8} />
        <Button type="submit" loading={add.isPending}>{t('coalitionBuilding.prospect.addContactButton')}</Button>
      </Group>
    </Paper>
  );
}

function History({ prospect }: { prospect: ProspectDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const client = useQueryClient();
  const history = useQuery({ queryKey: cbKeys.activities(slug, prospect.id), queryFn: ({ signal }) => cbApi.activities(slug, prospect.id, signal) });
  const [entry, setEntry] = useState<ProspectActivityInput>({ occurredOn: todayIso(), kind: 'call', summary: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const log = useMutation({
    mutationFn: (body: ProspectActivityInput) => cbApi.addActivity(slug, prospect.id, body),
    onSuccess: async () => {
      setEntry((e) => ({ ...e, summary: '' }));
      await client.invalidateQueries({ queryKey: cbKeys.activities(slug, prospect.id) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = prospectActivityInput.safeParse(entry);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    log.mutate(parsed.data);
  };
  const kinds = prospectActivityKinds.filter((k) => k !== 'stage_change');
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">{t('coalitionBuilding.prospect.history')}</Title>
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="cb-log">
        <Title order={3} size="h5" id="cb-log" mb="sm">{t('coalitionBuilding.prospect.logNote')}</Title>
        {log.isError && <ProblemAlert error={log.error} />}
        <Group align="flex-end" gap="sm">
          <TextInput type="date" label={t('coalitionBuilding.fields.occurredOn')} value={entry.occurredOn} onChange={(e) => setEntry({ ...entry, occurredOn: e.currentTarget.value })} error={errors.occurredOn} required />
          <NativeSelect label={t('coalitionBuilding.fields.kind')} value={entry.kind} onChange={(e) => setEntry({ ...entry, kind: e.currentTarget.value as ProspectActivityInput['kind'] })} data={kinds.map((k) => ({ value: k, label: t(`coalitionBuilding.activityKinds.${k}`) }))} />
          <Textarea label={t('coalitionBuilding.fields.summary')} value={entry.summary} onChange={(e) => setEntry({ ...entry, summary: e.currentTarget.value })} error={errors.summary} autosize minRows={1} required style={{ flex: '1 1 20rem' }} />
          <Button type="submit" variant="light" loading={log.isPending}>{t('coalitionBuilding.prospect.log')}</Button>
        </Group>
      </Paper>
      {history.isPending ? <Loading /> : history.isError ? <QueryErrorState error={history.error} /> : history.data.items.length === 0 ? (
        <Text c="dimmed">{t('coalitionBuilding.prospect.noHistory')}</Text>
      ) : (
        <Stack gap={4} component="ul" style={{ paddingLeft: '1.2rem' }}>
          {history.data.items.map((a) => (
            <li key={a.id}>
              <Text span fw={600}>{a.occurredOn}</Text> · {t(`coalitionBuilding.activityKinds.${a.kind}`)} · {a.kind === 'stage_change' ? a.summary.replace(/\w+/g, (s) => (prospectStages as readonly string[]).includes(s) ? t(`coalitionBuilding.stages.${s as ProspectStage}`) : s) : a.summary}
              {a.byName && <Text span c="dimmed"> — {a.byName}</Text>}
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export default function ProspectPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const labels = useLabels();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({ queryKey: cbKeys.prospect(slug, id), queryFn: ({ signal }) => cbApi.prospect(slug, id, signal) });
  const removeContact = async (contactId: string) => {
    await cbApi.removeContact(slug, id, contactId);
    await client.invalidateQueries({ queryKey: cbKeys.all(slug) });
  };
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  return (
    <>
      <PageHeader title={p.name} description={`${labels.orgType(p.type)} · ${t(`coalitionBuilding.stages.${p.stage}`)}${p.ownerName ? ` · ${t('coalitionBuilding.fields.owner')}: ${p.ownerName}` : ''}`} back={{ to: cbPaths.pipeline(slug), label: t('coalitionBuilding.nav.pipeline') }} />
      <Stack gap="lg">
        {p.illustrative && <Text size="sm" c="dimmed">{t('coalitionBuilding.illustrativeNote')}</Text>}
        <StageForm key={p.stage} prospect={p} />
        <DetailsForm key={p.stage} prospect={p} />
        <Stack gap="sm">
          <Title order={2} size="h4">{t('coalitionBuilding.prospect.contacts')}</Title>
          {p.contacts.length === 0 ? <Text c="dimmed">{t('coalitionBuilding.prospect.noContacts')}</Text> : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Caption className="tb-sr-only">{t('coalitionBuilding.prospect.contactsCaption', { name: p.name })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('coalitionBuilding.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('coalitionBuilding.fields.seat')}</Table.Th>
                    <Table.Th scope="col">{t('coalitionBuilding.fields.email')}</Table.Th>
                    <Table.Th scope="col">{t('coalitionBuilding.prospect.inCoalition')}</Table.Th>
                    {p.stage !== 'member' && <Table.Th scope="col"><span className="tb-sr-only">{t('common.actions')}</span></Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.contacts.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Th scope="row" fw={400}>{c.name}{c.title ? `, ${c.title}` : ''} {c.decisionMaker && <Badge size="xs" variant="light">{t('coalitionBuilding.fields.decisionMaker')}</Badge>}</Table.Th>
                      <Table.Td>{c.seat ? t(`coalitionBuilding.seats.${c.seat}`) : '—'}</Table.Td>
                      <Table.Td>{c.email ?? '—'}</Table.Td>
                      <Table.Td>{c.personId ? (c.email ? t('coalitionBuilding.prospect.invited') : t('coalitionBuilding.prospect.inDirectory')) : t('coalitionBuilding.prospect.notYet')}</Table.Td>
                      {p.stage !== 'member' && (
                        <Table.Td>
                          <ConfirmButton size="compact-sm" aria-label={t('coalitionBuilding.prospect.removeContactOf', { name: c.name })} title={t('coalitionBuilding.prospect.removeContactTitle')} body={t('coalitionBuilding.prospect.removeContactBody', { name: c.name })} confirmLabel={t('coalitionBuilding.prospect.removeContact')} onConfirm={() => removeContact(c.id)}>
                            {t('coalitionBuilding.prospect.removeContact')}
                          </ConfirmButton>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {p.stage !== 'member' && <AddContact prospect={p} />}
        </Stack>
        <History prospect={p} />
      </Stack>
    </>
  );
}
