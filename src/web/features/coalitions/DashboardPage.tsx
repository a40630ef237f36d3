import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import {
  IconArrowsExchange,
  IconAward,
  IconBuilding,
  IconCalendarEvent,
  IconChartLine,
  IconMailPlus,
  IconRoute,
  IconSchool,
  IconSettings,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/session';
import { paths, useCoalition } from '../../coalition/context';
import { RoleBadges } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { useFlash } from '../../hooks/useFlash';
import { LIVE_DOMAINS, type DomainKey } from '../domains/domains';
import { useCoalitionDetails } from './useCoalitionDetails';

const AREAS: { key: DomainKey; path: string; icon: Icon }[] = [
  { key: 'laborMarket', path: 'labor-market', icon: IconChartLine },
  { key: 'informationExchange', path: 'information-exchange', icon: IconArrowsExchange },
  { key: 'talentPipeline', path: 'talent-pipeline', icon: IconSchool },
  { key: 'initiatives', path: 'initiatives', icon: IconRoute },
  { key: 'meetings', path: 'meetings', icon: IconCalendarEvent },
  { key: 'metrics', path: 'metrics', icon: IconAward },
  { key: 'coalitionBuilding', path: 'coalition-building', icon: IconUsersGroup },
];

export default function DashboardPage() {
  const { t } = useTranslation();
  const { slug, membership, can } = useCoalition();
  const me = useMe().data;
  const coalition = useCoalitionDetails(slug);
  const [flash, dismissFlash] = useFlash();

  return (
    <>
      <PageHeader
        title={coalition.data?.name ?? membership.name}
        documentTitle={`${t('dashboard.title')} – ${membership.name}`}
        description={me ? t('dashboard.welcome', { name: me.user.name }) : undefined}
      />
      <Stack gap="lg">
        <StatusMessage message={flash} onClose={dismissFlash} />
        {coalition.isError && <ProblemAlert error={coalition.error} onRetry={() => void coalition.refetch()} />}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding="lg" h="100%">
            <Title order={2} size="h4" mb="sm">
              {t('dashboard.mission')}
            </Title>
            {coalition.isPending ? (
              <Skeleton height={48} />
            ) : (
              <Text c={coalition.data?.mission ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
                {coalition.data?.mission ?? t('dashboard.noMission')}
              </Text>
            )}
            <dl className="tb-dl" style={{ marginTop: 'var(--mantine-spacing-md)' }}>
              <dt>{t('dashboard.region')}</dt>
              <dd>{coalition.data?.region ?? '…'}</dd>
              <dt>{t('dashboard.timeZone')}</dt>
              <dd>{coalition.data?.timeZone.replaceAll('_', ' ') ?? '…'}</dd>
            </dl>
          </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder padding="lg" h="100%">
            <Title order={2} size="h4" mb="sm">
              {t('dashboard.yourRoles')}
            </Title>
            <RoleBadges roles={membership.roles} empty={t('dashboard.noRoles')} />
            <Title order={2} size="h4" mt="lg" mb="sm">
              {t('dashboard.quickActions')}
            </Title>
            <Stack gap="xs" align="flex-start">
              <Anchor component={Link} to={paths.organizations(slug)}>
                <Group gap={6} wrap="nowrap">
                  <IconBuilding size={16} aria-hidden />
                  {t('dashboard.browseOrganizations')}
                </Group>
              </Anchor>
              <Anchor component={Link} to={paths.people(slug)}>
                <Group gap={6} wrap="nowrap">
                  <IconUsers size={16} aria-hidden />
                  {t('dashboard.browsePeople')}
                </Group>
              </Anchor>
              {can.coordinator && (
                <>
                  <Anchor component={Link} to={paths.invitations(slug)}>
                    <Group gap={6} wrap="nowrap">
                      <IconMailPlus size={16} aria-hidden />
                      {t('dashboard.invitePeople')}
                    </Group>
                  </Anchor>
                  <Anchor component={Link} to={paths.settings(slug)}>
                    <Group gap={6} wrap="nowrap">
                      <IconSettings size={16} aria-hidden />
                      {t('dashboard.editSettings')}
                    </Group>
                  </Anchor>
                </>
              )}
            </Stack>
          </Card>
          </Grid.Col>
        </Grid>

        <section aria-labelledby="tb-areas">
          <Title order={2} size="h3" id="tb-areas">
            {t('dashboard.areas')}
          </Title>
          <Text c="dimmed" mb="md">
            {t('dashboard.areasIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {AREAS.map(({ key, path, icon: AreaIcon }) => (
              <Card key={key} withBorder padding="md">
                <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
                  <Group gap="xs" wrap="nowrap">
                    <AreaIcon size={20} aria-hidden />
                    <Title order={3} size="h5">
                      {t(`nav.${key}`)}
                    </Title>
                  </Group>
                  {!LIVE_DOMAINS.has(key) && (
                    <Badge variant="outline" color="gray" size="sm" style={{ flexShrink: 0, overflow: 'visible' }}>
                      {t('domains.comingSoon')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed" mb="sm">
                  {t(`domains.${key}.summary`)}
                </Text>
                <Button
                  component={Link}
                  to={`/c/${slug}/${path}`}
                  variant="light"
                  size="xs"
                  w="fit-content"
                  aria-label={`${t('dashboard.open')}: ${t(`nav.${key}`)}`}
                >
                  {t('dashboard.open')}
                </Button>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}
