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
import { LIVE_DOMAINS, type DomainKey } from '../features/domains/domains';

/** The areas of the workspace, in navigation order: key, path segment, icon. */
const AREAS: ReadonlyArray<readonly [DomainKey, string, Icon]> = [
  ['laborMarket', 'labor-market', IconChartLine],
  ['informationExchange', 'information-exchange', IconArrowsExchange],
  ['talentPipeline', 'talent-pipeline', IconSchool],
  ['initiatives', 'initiatives', IconRoute],
  ['meetings', 'meetings', IconCalendarEvent],
  ['metrics', 'metrics', IconAward],
  ['coalitionBuilding', 'coalition-building', IconUsersGroup],
];

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
    // Each area's 'Soon' badge comes from LIVE_DOMAINS alone, so going live is a one-line change.
    ...AREAS.map(([key, segment, icon]) => ({ to: `${base}/${segment}`, label: t(`nav.${key}`), icon, soon: !LIVE_DOMAINS.has(key) })),
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
