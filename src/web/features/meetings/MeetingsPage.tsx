import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { meetingCreateInput, meetingKinds, type MeetingDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { FormErrors } from '../../forms/FormErrors';
import { useForm } from '../../forms/useForm';
import { meetingKeys, meetingsApi } from './api';

export const canRunMeetings = (roles: readonly string[]) => roles.some((r) => r === 'coordinator' || r === 'leadership_council' || r === 'facilitator');

export function useWhen() {
  const { i18n } = useTranslation();
  return (m: Pick<MeetingDto, 'startsAt' | 'timeZone'>) =>
    new Intl.DateTimeFormat(i18n.language, { timeZone: m.timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(m.startsAt));
}

function MeetingTable({ caption, items }: { caption: string; items: MeetingDto[] }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const when = useWhen();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('meetings.colTitle')}</Table.Th>
            <Table.Th scope="col">{t('meetings.colKind')}</Table.Th>
            <Table.Th scope="col">{t('meetings.colWhen')}</Table.Th>
            <Table.Th scope="col">{t('meetings.colInvited')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/c/${slug}/meetings/${m.id}`}>
                  {m.title}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Badge variant="light">{t(`meetings.kinds.${m.kind}`)}</Badge>
              </Table.Td>
              <Table.Td>{when(m)}</Table.Td>
              <Table.Td>{m.invited}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The meeting list: upcoming first, then past; managers schedule new meetings here. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const { slug, membership } = useCoalition();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: meetingKeys.list(slug), queryFn: ({ signal }) => meetingsApi.list(slug, signal) });
  const form = useForm({
    initialValues: { title: '', kind: 'coalition_meeting', startsAt: '', durationMinutes: '90', location: '' },
    schema: meetingCreateInput,
    toInput: (v) => ({ ...v, startsAt: v.startsAt ? new Date(v.startsAt).toISOString() : '', durationMinutes: Number(v.durationMinutes) }),
    onSubmit: async (data) => {
      const created = await meetingsApi.create(slug, data);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.list(slug) });
      navigate(`/c/${slug}/meetings/${created.id}`);
    },
  });
  const now = Date.now();
  const items = list.data?.items ?? [];
  const upcoming = items.filter((m) => new Date(m.endsAt).getTime() >= now);
  const past = items.filter((m) => new Date(m.endsAt).getTime() < now).reverse();
  return (
    <>
      <PageHeader title={t('meetings.title')} description={t('meetings.intro')} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconCalendarEvent size={28} aria-hidden />} title={t('meetings.emptyTitle')} description={t('meetings.emptyBody')} />
      ) : (
        <Stack gap="lg">
          <section aria-labelledby="upcoming-heading">
            <Title order={2} size="h3" id="upcoming-heading" mb="xs">
              {t('meetings.upcoming')}
            </Title>
            <MeetingTable caption={t('meetings.caption')} items={upcoming} />
          </section>
          <section aria-labelledby="past-heading">
            <Title order={2} size="h3" id="past-heading" mb="xs">
              {t('meetings.past')}
            </Title>
            <MeetingTable caption={t('meetings.caption')} items={past} />
          </section>
        </Stack>
      )}
      {canRunMeetings(membership.roles) && (
        <Paper withBorder p="md" mt="lg" maw={720}>
          <form ref={form.formRef} onSubmit={form.handleSubmit} noValidate aria-labelledby="schedule-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="schedule-heading">
                {t('meetings.schedule')}
              </Title>
              <FormErrors problem={form.problem} hasFieldErrors={form.hasFieldErrors} attempt={form.attempt} />
              <TextInput label={t('meetings.fieldTitle')} required {...form.textProps('title')} />
              <Group grow align="flex-start">
                <NativeSelect label={t('meetings.fieldKind')} data={meetingKinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} {...form.textProps('kind')} />
                <TextInput type="datetime-local" label={t('meetings.fieldStartsAt')} required {...form.textProps('startsAt')} />
                <TextInput type="number" label={t('meetings.fieldDuration')} required {...form.textProps('durationMinutes')} />
              </Group>
              <TextInput label={t('meetings.fieldLocation')} {...form.textProps('location')} />
              <Group justify="flex-end">
                <Button type="submit" loading={form.submitting}>
                  {t('meetings.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </>
  );
}
