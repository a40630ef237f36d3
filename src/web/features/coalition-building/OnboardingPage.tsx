import { Progress, Stack, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { onboardingCheckKeys } from '../../../shared/onboarding.contract';
import { cbApi, cbKeys } from './api';

export default function OnboardingPage() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const list = useInfiniteQuery({
    queryKey: cbKeys.onboarding(slug),
    queryFn: ({ pageParam, signal }) => cbApi.onboarding(slug, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('coalitionBuilding.onboarding.title')} description={t('coalitionBuilding.onboarding.intro')} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Empty icon={<IconChecklist size={28} aria-hidden />} title={t('coalitionBuilding.onboarding.none')} />
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={860}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="tb-sr-only">{t('coalitionBuilding.onboarding.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('coalitionBuilding.onboarding.member')}</Table.Th>
                  {onboardingCheckKeys.map((k) => <Table.Th key={k} scope="col">{t(`coalitionBuilding.onboarding.checks.${k}`)}</Table.Th>)}
                  <Table.Th scope="col">{t('coalitionBuilding.onboarding.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.organizationId}>
                    <Table.Th scope="row" fw={400}>{o.organizationName}</Table.Th>
                    {o.checks.map((c) => (
                      <Table.Td key={c.key}>
                        <Text size="sm" c={c.applicable ? undefined : 'dimmed'} fw={c.applicable && !c.done ? 700 : 400}>
                          {!c.applicable ? t('coalitionBuilding.onboarding.notApplicable') : c.done ? `✓ ${t('coalitionBuilding.onboarding.done')}` : `✗ ${t('coalitionBuilding.onboarding.todo')}`}
                        </Text>
                      </Table.Td>
                    ))}
                    <Table.Td miw={140}>
                      <Text size="sm">{t('coalitionBuilding.onboarding.ofChecks', { done: o.done, total: o.applicable })}</Text>
                      <Progress value={o.progress} aria-label={t('coalitionBuilding.onboarding.progressOf', { name: o.organizationName, progress: o.progress })} />
                    </Table.Td>
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
