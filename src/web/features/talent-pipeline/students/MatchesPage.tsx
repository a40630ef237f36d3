import { Anchor, Badge, Button, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { IconSearch, IconSparkles } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { MatchDto } from '../../../../shared/matching.contract';
import { isApiError } from '../../../api/client';
import { useCoalition } from '../../../coalition/context';
import { Empty } from '../../../components/Empty';
import { Loading } from '../../../components/Loading';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorState } from '../../../components/QueryState';
import { useFormatters } from '../../../i18n/format';
import { tpApi, tpKeys } from '../api';
import { useReasonText, useTpLabels } from '../labels';
import { tpPaths } from '../paths';
import { StudentNotFound } from './StudentNotFound';

/** Open opportunities ranked for a student, each with its score and the reasons for it. */
export default function MatchesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const student = useQuery({ queryKey: tpKeys.student(slug, id), queryFn: () => tpApi.student(slug, id), retry: false });
  const list = useInfiniteQuery({
    queryKey: tpKeys.matches(slug, id),
    queryFn: ({ pageParam }) => tpApi.matches(slug, id, { limit: 20, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (student.isError && isApiError(student.error) && student.error.status === 404) return <StudentNotFound />;
  const self = student.data?.viewerRelation === 'self';
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const name = student.data ? `${student.data.firstName} ${student.data.lastName}` : '';

  return (
    <>
      <PageHeader
        title={self ? t('talentPipeline.matches.myTitle') : t('talentPipeline.matches.title', { name })}
        description={t('talentPipeline.matches.intro')}
        back={{ to: tpPaths.student(slug, id), label: self ? t('talentPipeline.student.myProfile') : name }}
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconSparkles size={28} aria-hidden />} title={t('talentPipeline.matches.emptyTitle')} description={t('talentPipeline.matches.emptyBody')}>
          <Button component={Link} to={tpPaths.board(slug)} variant="light" leftSection={<IconSearch size={16} aria-hidden />}>
            {t('talentPipeline.hub.entries.board.title')}
          </Button>
        </Empty>
      ) : (
        <>
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('talentPipeline.matches.listLabel')}>
            {items.map((m) => (
              <li key={m.opportunityId}>
                <MatchCard m={m} />
              </li>
            ))}
          </Stack>
          <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </>
  );
}

function MatchCard({ m }: { m: MatchDto }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const l = useTpLabels();
  const reason = useReasonText();
  const f = useFormatters();
  const titleId = `match-${m.opportunityId}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4" id={titleId}>
            <Anchor component={Link} to={tpPaths.opportunity(slug, m.opportunityId)}>
              {m.title}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {[m.employerName, l.kind(m.kind), m.applicationDeadline ? t('talentPipeline.opportunity.applyBy', { date: f.date(`${m.applicationDeadline}T12:00:00`) }) : null].filter(Boolean).join(' · ')}
          </Text>
        </div>
        {m.applied && <Badge color="teal">{t('talentPipeline.matches.applied')}</Badge>}
      </Group>
      <Group gap="sm" mt="sm" wrap="nowrap">
        <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
          {t('talentPipeline.matches.score', { score: l.score(m.score) })}
        </Text>
        <Progress value={m.score} w="100%" maw={240} aria-label={t('talentPipeline.matches.scoreLabel', { title: m.title })} />
      </Group>
      <Text size="sm" fw={600} mt="sm">
        {t('talentPipeline.matches.why')}
      </Text>
      <List size="sm" spacing={2}>
        {m.reasons.map((r) => (
          <List.Item key={r.kind}>
            <Text span fw={500} size="sm">
              {t(`talentPipeline.reasonKinds.${r.kind}`)}:
            </Text>{' '}
            {reason(r)}
          </List.Item>
        ))}
      </List>
      {m.missingSkills.length > 0 && (
        <Text size="sm" mt="xs">
          {t('talentPipeline.matches.missing', { skills: f.list(m.missingSkills) })}
        </Text>
      )}
    </Card>
  );
}
