import { Anchor, Button, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconBell, IconBellOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryErrorState } from '../../components/QueryState';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { useFormatters } from '../../i18n/format';
import { ixApi, ixKeys } from './api';
import { Comments } from './Comments';
import { ixPaths } from './paths';
import { StatusControl } from './StatusControl';
import { SkillList, StatusBadge, useIxLabels } from './ui';
import { useIxRole } from './useIxRole';

/** A forum thread: the planned change, its status and history, feedback, following, and the owner's decision. */
export default function ProposalDetailPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { id = '' } = useParams();
  const role = useIxRole();
  const labels = useIxLabels();
  const { dateTime } = useFormatters();
  const [flash, dismissFlash] = useFlash();
  const queryClient = useQueryClient();
  const key = ixKeys.part(slug, 'proposal', id);
  const proposal = useQuery({ queryKey: key, queryFn: () => ixApi.proposal(slug, id) });
  const follow = useMutation({
    mutationFn: (on: boolean) => ixApi.follow(slug, id, on),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  if (proposal.isPending) return <Loading />;
  if (proposal.isError) return <QueryErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />;
  const p = proposal.data;
  const owner = role.owns(p);
  const followButton = (
    <Button
      variant={p.following ? 'default' : 'light'}
      leftSection={p.following ? <IconBellOff size={16} aria-hidden /> : <IconBell size={16} aria-hidden />}
      loading={follow.isPending}
      onClick={() => follow.mutate(!p.following)}
      aria-pressed={p.following}
    >
      {p.following ? t('informationExchange.proposal.unfollow') : t('informationExchange.proposal.follow')}
    </Button>
  );
  return (
    <>
      <PageHeader title={p.title} description={`${p.institutionName} · ${t('informationExchange.proposal.term', { term: p.targetTerm })}`} back={{ to: ixPaths.forum(slug), label: t('informationExchange.forum.title') }} actions={followButton} />
      <StatusMessage message={flash} onClose={dismissFlash} mb="md" />
      {follow.isError && <ProblemAlert error={follow.error} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder mb="lg">
            <Group gap="sm" mb="sm">
              <Text size="sm" fw={700}>
                {t('informationExchange.forum.status')}:
              </Text>
              <StatusBadge status={p.status} />
              <Text size="sm" c="dimmed">
                {t('informationExchange.forum.followersN', { count: p.followers })} · {t('informationExchange.forum.commentsN', { count: p.comments })}
                {p.averageRelevance !== null ? ` · ${t('informationExchange.forum.relevance', { value: p.averageRelevance.toFixed(1) })}` : ''}
              </Text>
            </Group>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{p.summary}</Text>
            {p.details && (
              <Text mt="sm" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p.details}
              </Text>
            )}
            <Stack gap={6} mt="md">
              <Group gap="xs">
                <Text size="sm" fw={700}>{t('informationExchange.fields.course')}:</Text>
                {p.course ? (
                  <Anchor component={Link} to={ixPaths.course(slug, p.course.id)} size="sm">
                    {p.course.code ? `${p.course.code} ` : ''}
                    {p.course.title}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">{t('informationExchange.proposalForm.noCourse')}</Text>
                )}
                {p.adoptedVersion !== null && p.course && (
                  <Text size="sm">{t('informationExchange.proposal.adoptedAs', { version: p.adoptedVersion })}</Text>
                )}
              </Group>
              <Group gap="xs">
                <Text size="sm" fw={700}>{t('informationExchange.proposalForm.skillsAdded')}:</Text>
                <SkillList skills={p.skillRefs.added.map((s) => ({ id: s.id, name: s.name }))} to={(sid) => ixPaths.skill(slug, sid)} color="green" />
              </Group>
              {p.skillRefs.removed.length > 0 && (
                <Group gap="xs">
                  <Text size="sm" fw={700}>{t('informationExchange.proposalForm.skillsRemoved')}:</Text>
                  <SkillList skills={p.skillRefs.removed.map((s) => ({ id: s.id, name: s.name }))} to={(sid) => ixPaths.skill(slug, sid)} color="red" />
                </Group>
              )}
              {p.hiringNeeds.length > 0 && (
                <Group gap="xs">
                  <Text size="sm" fw={700}>{t('informationExchange.proposal.answersNeeds')}:</Text>
                  {p.hiringNeeds.map((n) => (
                    <Anchor key={n.id} component={Link} to={ixPaths.need(slug, n.id)} size="sm">
                      {n.title} ({n.employerName})
                    </Anchor>
                  ))}
                </Group>
              )}
              <Text size="xs" c="dimmed">
                {t('informationExchange.proposal.postedBy', { name: p.author?.name ?? '—', when: dateTime(p.createdAt) })}
              </Text>
            </Stack>
          </Card>
          <Comments proposal={p} canComment={role.comment} owner={owner} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {owner && <StatusControl proposal={p} />}
          <Card withBorder component="section" aria-labelledby="ix-history">
            <Title order={2} size="h4" id="ix-history" mb="xs">
              {t('informationExchange.proposal.history')}
            </Title>
            {p.statusHistory.length === 0 ? (
              <Text size="sm" c="dimmed">{t('informationExchange.proposal.noHistory')}</Text>
            ) : (
              <List size="sm" spacing={6}>
                {p.statusHistory.map((h, i) => (
                  <List.Item key={i}>
                    {t('informationExchange.proposal.moved', { from: labels.status(h.from), to: labels.status(h.to), by: h.by?.name ?? '—', when: dateTime(h.at) })}
                    {h.note && <Text size="xs">“{h.note}”</Text>}
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
