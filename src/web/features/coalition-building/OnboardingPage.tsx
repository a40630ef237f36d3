import { Button, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecklist } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCoalition } from '../../coalition/context';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { Empty } from '../../components/Empty';
import { Loading } from '../../components/Loading';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryErrorState } from '../../components/QueryState';
import { DATA_SHARING_AGREEMENT_VERSION, onboardingCheckKeys, type OnboardingDto } from '../../../shared/onboarding.contract';
import { cbApi, cbKeys } from './api';

/** Accepting the data-sharing agreement on a member's behalf: a deliberate step, confirmed in a dialog that names the version. */
function AcceptAgreement({ item, onAccepted }: { item: OnboardingDto; onAccepted: (name: string) => void }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const accept = useMutation({
    mutationFn: () => cbApi.acceptDataSharing(slug, item.organizationId),
    onSuccess: async () => {
      close();
      await client.invalidateQueries({ queryKey: cbKeys.onboarding(slug) });
      onAccepted(item.organizationName);
    },
  });
  return (
    <>
      <Button size="compact-xs" variant="light" mt={4} onClick={() => { accept.reset(); open(); }} aria-label={t('coalitionBuilding.onboarding.acceptFor', { name: item.organizationName })}>
        {t('coalitionBuilding.onboarding.accept')}
      </Button>
      <Modal.Root opened={opened} onClose={close} centered>
        <Modal.Overlay />
        <Modal.Content>
          <Modal.Header {...({ component: 'div' } as object)}>
            <Modal.Title>{t('coalitionBuilding.onboarding.acceptTitle')}</Modal.Title>
            <Modal.CloseButton aria-label={t('common.close')} />
          </Modal.Header>
          <Modal.Body>
            <Stack>
              <Text size="sm">{t('coalitionBuilding.onboarding.acceptBody', { name: item.organizationName, version: DATA_SHARING_AGREEMENT_VERSION })}</Text>
              {accept.isError && <ProblemAlert error={accept.error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={close} data-autofocus>{t('common.cancel')}</Button>
                <Button onClick={() => accept.mutate()} loading={accept.isPending}>{t('coalitionBuilding.onboarding.acceptConfirm')}</Button>
              </Group>
            </Stack>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </>
  );
}

export default function OnboardingPage() {
  const { t } = useTranslation();
  const { slug, can, membership } = useCoalition();
  const [accepted, setAccepted] = useState<string | null>(null);
  const staff = membership.roles.some((r) => r !== 'student');
  const mayAccept = (o: OnboardingDto) => can.coordinator || (staff && membership.organizationId === o.organizationId);
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
      <StatusMessage message={accepted} onClose={() => setAccepted(null)} mb="md" />
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
                        {c.key === 'data_sharing' && !c.done && mayAccept(o) && <AcceptAgreement item={o} onAccepted={(name) => setAccepted(t('coalitionBuilding.onboarding.accepted', { name }))} />}
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
