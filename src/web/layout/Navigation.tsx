import { Badge, Box, NavLink, Text, VisuallyHidden } from '@mantine/core';
import {
  IconArrowsExchange,
  IconAward,
  IconBuilding,
  IconCalendarEvent,
  IconChartLine,
  IconFileImport,
  IconHistory,
  IconLayoutDashboard,
  IconMail,
  IconMailPlus,
  IconRoute,
  IconSchool,
  IconSettings,
  IconUsers,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { MembershipDto } from '../../shared/auth.contract';
import { permissionsOf } from '../coalition/context';
import { LIVE_DOMAINS } from '../features/domains/domains';

interface Item {
  to: string;
  label: string;
  icon: Icon;
  soon?: boolean;
  exact?: boolean;
}

function NavItem({ item, pathname }: { item: Item; pathname: string }) {
  const { t } = useTranslation();
  const active = item.exact ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`);
  const IconComponent = item.icon;
  return (
    <li>
      <NavLink
        component={Link}
        to={item.to}
        active={active}
        aria-current={active ? 'page' : undefined}
        leftSection={<IconComponent size={18} stroke={1.6} aria-hidden />}
        label={
          <>
            {item.label}
            {item.soon && <VisuallyHidden>{`, ${t('nav.soonLong')}`}</VisuallyHidden>}
          </>
        }
        rightSection={
          item.soon ? (
            <Badge size="xs" variant="outline" color="gray" aria-hidden>
              {t('nav.soon')}
            </Badge>
          ) : undefined
        }
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      />
    </li>
  );
}

function Group({ label, children }: { label?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box role={label ? 'group' : undefined} aria-labelledby={label ? id : undefined} mb="sm">
      {label && (
        <Text id={id} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={6} style={{ letterSpacing: '0.04em' }}>
          {label}
        </Text>
      )}
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {children}
      </Box>
    </Box>
  );
}

/** The coalition's sections. Coordinator-only pages are listed only for coordinators. */
export function Navigation({ membership }: { membership: MembershipDto }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/c/${membership.slug}`;
  const can = permissionsOf(membership);

  const workspace: Item[] = [
    { to: base, label: t('nav.dashboard'), icon: IconLayoutDashboard, exact: true },
    { to: `${base}/labor-market`, label: t('nav.laborMarket'), icon: IconChartLine, soon: !LIVE_DOMAINS.has('laborMarket') },
    { to: `${base}/information-exchange`, label: t('nav.informationExchange'), icon: IconArrowsExchange, soon: !LIVE_DOMAINS.has('informationExchange') },
    { to: `${base}/talent-pipeline`, label: t('nav.talentPipeline'), icon: IconSchool, soon: !LIVE_DOMAINS.has('talentPipeline') },
    { to: `${base}/initiatives`, label: t('nav.initiatives'), icon: IconRoute, soon: !LIVE_DOMAINS.has('initiatives') },
    { to: `${base}/meetings`, label: t('nav.meetings'), icon: IconCalendarEvent, soon: !LIVE_DOMAINS.has('meetings') },
    { to: `${base}/metrics`, label: t('nav.metrics'), icon: IconAward, soon: !LIVE_DOMAINS.has('metrics') },
    { to: `${base}/coalition-building`, label: t('nav.coalitionBuilding'), icon: IconUsersGroup, soon: !LIVE_DOMAINS.has('coalitionBuilding') },
  ];
  const directory: Item[] = [
    { to: `${base}/organizations`, label: t('nav.organizations'), icon: IconBuilding },
    { to: `${base}/people`, label: t('nav.people'), icon: IconUsers },
  ];
  const settings: Item[] = [
    { to: `${base}/settings`, label: t('nav.general'), icon: IconSettings, exact: true },
    { to: `${base}/settings/invitations`, label: t('nav.invitations'), icon: IconMailPlus },
    { to: `${base}/settings/audit-log`, label: t('nav.auditLog'), icon: IconHistory },
    { to: `${base}/settings/outbox`, label: t('nav.outbox'), icon: IconMail },
    { to: `${base}/imports`, label: t('nav.imports'), icon: IconFileImport },
  ];

  return (
    <>
      <Group label={t('nav.workspace')}>
        {workspace.map((item) => (
          <NavItem key={item.to} item={item} pathname={pathname} />
        ))}
      </Group>
      <Group label={t('nav.directory')}>
        {directory.map((item) => (
          <NavItem key={item.to} item={item} pathname={pathname} />
        ))}
      </Group>
      {can.coordinator && (
        <Group label={t('nav.settings')}>
          {settings.map((item) => (
            <NavItem key={item.to} item={item} pathname={pathname} />
          ))}
        </Group>
      )}
    </>
  );
}
