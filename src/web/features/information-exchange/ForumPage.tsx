import { Anchor, Badge, Button, Card, Checkbox, Grid, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconMessages, IconPlus, IconStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { proposalStatuses, type ProposalStatus } from '../../../shared/curriculum.contract';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { useListFilters } from '../../hooks/useListFilters';
import { ixApi, ixKeys, type ProposalParams } from './api';
import { FilterBar, QueryView, usePagedList } from './lists';
import { NotificationsPanel } from './NotificationsPanel';
import { ixPaths } from './paths';
import { SkillList, StatusBadge, useIxLabels } from './ui';
import { useIxRole } from './useIxRole';

const PAGE = 30;

/** The curriculum feedback forum: planned changes with their status, feedback and followers. */
export default function ForumPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const role = useIxRole();
  const labels = useIxLabels();
  const [flash, dismissFlash] = useFlash();
  const filters = useListFilters(['status', 'following'] as const);
  const status = (proposalStatuses as readonly string[]).includes(filters.filters.status) ? (filters.filters.status as ProposalStatus) : '';
  const following = filters.filters.following === 'true' ? 'true' : '';
  const params: ProposalParams = { q: filters.q, status, following, limit: PAGE };
  const { list, items } = usePagedList(ixKeys.part(slug, 'proposals', params), (cursor, signal) => ixApi.proposals(slug, { ...params, cursor }, signal));
  const add = role.propose ? (
    <Button component={Link} to={ixPaths.proposalNew(slug)} leftSection={<IconPlus size={16} aria-hidden />}>
      {t('informationExchange.forum.add')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('informationExchange.forum.title')} description={t('informationExchange.forum.intro')} actions={add} />
      <StatusMessage message={flash} onClose={dismissFlash} mb="md" />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <FilterBar
            label={t('common.filters')}
            searchLabel={t('informationExchange.forum.search')}
            search={filters.search}
            onSearch={filters.setSearch}
            searchBasis="14rem"
            clear={{ active: filters.active, onClear: filters.clear }}
          >
            <NativeSelect
              label={t('informationExchange.forum.status')}
              value={status}
              onChange={(e) => filters.setFilter('status', e.currentTarget.value)}
              data={[{ value: '', label: t('informationExchange.forum.allStatuses') }, ...proposalStatuses.map((s) => ({ value: s, label: labels.status(s) }))]}
              w={180}
            />
            <Checkbox label={t('informationExchange.forum.followingOnly')} checked={following === 'true'} onChange={(e) => filters.setFilter('following', e.currentTarget.checked ? 'true' : '')} mb={8} />
          </FilterBar>
          <QueryView
            query={list}
            isEmpty={items.length === 0}
            empty={<Empty icon={<IconMessages size={28} aria-hidden />} title={t('informationExchange.forum.emptyTitle')} description={t('informationExchange.forum.emptyBody')} />}
          >
            {() => (
              <>
                <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('informationExchange.forum.listLabel')} aria-busy={list.isFetching && !list.isFetchingNextPage}>
                  {items.map((p) => (
                    <Card key={p.id} component="li" withBorder padding="md">
                      <Group justify="space-between" align="flex-start" wrap="nowrap">
                        <div>
                          <Anchor component={Link} to={ixPaths.proposal(slug, p.id)} fw={700}>
                            {p.title}
                          </Anchor>
                          <Text size="sm" c="dimmed">
                            {[p.institutionName, p.course ? `${p.course.code ?? ''} ${p.course.title}`.trim() : null, p.targetTerm].filter(Boolean).join(' · ')}
                          </Text>
                        </div>
                        <StatusBadge status={p.status} />
                      </Group>
                      <Text size="sm" mt={6} lineClamp={2}>
                        {p.summary}
                      </Text>
                      {p.skillsAdded.length > 0 && (
                        <Group gap="xs" mt={6}>
                          <Text size="xs">{t('informationExchange.forum.adds')}</Text>
                          <SkillList skills={p.skillRefs.added.map((s) => ({ id: s.id, name: s.name }))} color="green" />
                        </Group>
                      )}
                      <Group gap="md" mt={8}>
                        <Text size="xs" c="dimmed">{t('informationExchange.forum.commentsN', { count: p.comments })}</Text>
                        {p.averageRelevance !== null && (
                          <Text size="xs" c="dimmed">
                            <IconStar size={12} aria-hidden /> {t('informationExchange.forum.relevance', { value: p.averageRelevance.toFixed(1) })}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">{t('informationExchange.forum.followersN', { count: p.followers })}</Text>
                        {p.following && <Badge size="xs" variant="outline" c="blue.9">{t('informationExchange.forum.youFollow')}</Badge>}
                      </Group>
                    </Card>
                  ))}
                </Stack>
                <LoadMore shown={items.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
              </>
            )}
          </QueryView>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <NotificationsPanel />
        </Grid.Col>
      </Grid>
    </>
  );
}
