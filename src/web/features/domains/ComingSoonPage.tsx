import { Button, Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconArrowsExchange,
  IconAward,
  IconCalendarEvent,
  IconChartLine,
  IconCheck,
  IconRoute,
  IconSchool,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useCoalition } from '../../coalition/context';
import { Empty } from '../../components/Empty';
import { PageHeader } from '../../components/PageHeader';
import type { DomainKey } from './domains';

const ICONS: Record<DomainKey, Icon> = {
  laborMarket: IconChartLine,
  informationExchange: IconArrowsExchange,
  talentPipeline: IconSchool,
  initiatives: IconRoute,
  meetings: IconCalendarEvent,
  metrics: IconAward,
  coalitionBuilding: IconUsersGroup,
};

/** A domain that isn't built yet: says so plainly, and what it will hold. */
export default function ComingSoonPage({ domain }: { domain: DomainKey }) {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const DomainIcon = ICONS[domain];
  const items = t(`domains.${domain}.items`).split('|');
  return (
    <>
      <PageHeader title={t(`nav.${domain}`)} description={t(`domains.${domain}.summary`)} />
      <Card withBorder padding="lg" maw={820}>
        <Empty order={2} icon={<DomainIcon size={32} aria-hidden />} title={t('domains.comingSoon')} description={t('domains.meanwhile')}>
          <Button component={Link} to={paths.organizations(slug)} variant="light">
            {t('domains.toDirectory')}
          </Button>
        </Empty>
        <Stack gap="sm" mt="md">
          <Title order={3} size="h4">
            {t('domains.plannedTitle')}
          </Title>
          <List
            spacing="xs"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light" aria-hidden>
                <IconCheck size={14} />
              </ThemeIcon>
            }
          >
            {items.map((item) => (
              <List.Item key={item}>
                <Text size="sm">{item}</Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Card>
    </>
  );
}
