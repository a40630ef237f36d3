import { Button, Card, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentDto } from '../../../../shared/students.contract';
import { api } from '../../../api/endpoints';
import { useCoalition } from '../../../coalition/context';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useFormatters } from '../../../i18n/format';
import { tpApi, tpKeys } from '../api';

/** Which employers may see the profile: the student adds and removes them (the Coordinator may remove). */
export function SharingSection({ s }: { s: StudentDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const f = useFormatters();
  const queryClient = useQueryClient();
  const self = s.viewerRelation === 'self';
  // The student decides; the Coordinator may withdraw a share (the school only sees them).
  const mayStop = self || s.viewerRelation === 'coordinator';
  const shared = s.sharedWith ?? [];
  const employers = useQuery({
    queryKey: tpKeys.employers(slug),
    queryFn: () => api.organizations.list(slug, { type: 'employer', limit: 200 }),
    enabled: self,
    staleTime: 300_000,
  });
  const [choice, setChoice] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: tpKeys.student(slug, s.id) });
  const share = useMutation({ mutationFn: (employerId: string) => tpApi.share(slug, s.id, employerId), onSuccess: () => (setChoice(''), refresh()) });
  const options = (employers.data?.items ?? []).filter((e) => !shared.some((x) => x.employerId === e.id));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tb-student-sharing">
      <Title order={2} size="h4" id="tb-student-sharing" mb="xs">
        {t('talentPipeline.sharing.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(s.isMinor ? 'talentPipeline.sharing.introMinor' : 'talentPipeline.sharing.intro')}
      </Text>
      {shared.length === 0 ? (
        <Text size="sm">{t('talentPipeline.sharing.none')}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" p={0}>
          {shared.map((x) => (
            <List.Item key={x.employerId}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {x.employerName}{' '}
                  <Text span c="dimmed" size="xs">
                    {t('talentPipeline.sharing.since', { date: f.date(x.sharedAt) })}
                  </Text>
                </Text>
                {mayStop && (
                <ConfirmButton
                  size="compact-sm"
                  aria-label={t('talentPipeline.sharing.stopFor', { name: x.employerName })}
                  title={t('talentPipeline.sharing.stopTitle', { name: x.employerName })}
                  body={t('talentPipeline.sharing.stopBody')}
                  confirmLabel={t('talentPipeline.sharing.stop')}
                  onConfirm={async () => {
                    await tpApi.unshare(slug, s.id, x.employerId);
                    await refresh();
                  }}
                >
                  {t('talentPipeline.sharing.stop')}
                </ConfirmButton>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {self && (
        <Stack gap="xs" mt="md">
          <Group align="flex-end" gap="xs">
            <NativeSelect
              label={t('talentPipeline.sharing.add')}
              value={choice}
              onChange={(e) => setChoice(e.currentTarget.value)}
              data={[{ value: '', label: t('talentPipeline.sharing.choose') }, ...options.map((e) => ({ value: e.id, label: e.name }))]}
              style={{ flex: '1 1 12rem' }}
            />
            <Button leftSection={<IconShare size={16} aria-hidden />} disabled={!choice} loading={share.isPending} onClick={() => share.mutate(choice)}>
              {t('talentPipeline.sharing.share')}
            </Button>
          </Group>
          {share.isError && <ProblemAlert error={share.error} />}
        </Stack>
      )}
    </Card>
  );
}
