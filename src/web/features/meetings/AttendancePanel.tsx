import { Button, Group, Progress, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MeetingDto } from '../../../shared/meetings.contract';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { SavingCheckbox, ScrollTable } from './ui';
import { meetingKeys, meetingsApi } from './api';

/** Check-in: managers tick whoever came; an invitee may check themselves in. Attendance feeds recognition. */
export function AttendancePanel({ meeting, manage }: { meeting: MeetingDto; manage: boolean }) {
  const { t } = useTranslation();
  const { slug, membership } = useCoalition();
  const queryClient = useQueryClient();
  const key = [...meetingKeys.one(slug, meeting.id), 'invitees'];
  const invitees = useQuery({ queryKey: key, queryFn: ({ signal }) => meetingsApi.invitees(slug, meeting.id, signal) });
  const checkIn = useMutation({
    mutationFn: ({ personId, attended }: { personId: string; attended: boolean }) => meetingsApi.checkIn(slug, meeting.id, personId, attended),
    onSuccess: async (rows) => {
      queryClient.setQueryData(key, rows);
      await queryClient.invalidateQueries({ queryKey: meetingKeys.one(slug, meeting.id), exact: true });
    },
  });
  if (invitees.isPending) return <Loading />;
  if (invitees.isError) return <QueryErrorState error={invitees.error} onRetry={() => void invitees.refetch()} />;
  const rows = invitees.data;
  const came = rows.filter((p) => p.attended).length;
  const me = rows.find((p) => p.personId === membership.personId);
  const summary = t('meetings.attendanceSummary', { attended: came, invited: rows.length });
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm">{summary}</Text>
        {!manage && me && !me.attended && (
          <Button size="compact-sm" variant="light" loading={checkIn.isPending} onClick={() => checkIn.mutate({ personId: me.personId, attended: true })}>
            {t('meetings.checkInSelf')}
          </Button>
        )}
      </Group>
      <Progress value={rows.length ? (came / rows.length) * 100 : 0} aria-label={summary} mb="sm" />
      {checkIn.error ? <ProblemAlert error={checkIn.error} /> : null}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('meetings.noInvitees')}</Text>
      ) : (
        <ScrollTable label={t('meetings.attendanceCaption')} minWidth={480}>
          <Table verticalSpacing={4}>
            <Table.Caption className="tb-sr-only">{t('meetings.attendanceCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('meetings.colPerson')}</Table.Th>
                <Table.Th scope="col">{t('meetings.colOrganization')}</Table.Th>
                <Table.Th scope="col">{t('meetings.colRsvp')}</Table.Th>
                <Table.Th scope="col">{t('meetings.colAttended')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.personId}>
                  <Table.Th scope="row" fw={400}>{p.name}</Table.Th>
                  <Table.Td>{p.organizationName ?? ''}</Table.Td>
                  <Table.Td>{t(`meetings.rsvps.${p.rsvp}`)}</Table.Td>
                  <Table.Td>
                    {manage ? (
                      <SavingCheckbox label={t('meetings.attendedLabel', { name: p.name })} checked={p.attended} onSave={(attended) => checkIn.mutateAsync({ personId: p.personId, attended })} />
                    ) : (
                      t(p.attended ? 'meetings.yes' : 'meetings.no')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}
