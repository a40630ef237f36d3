import { Button, Group } from '@mantine/core';
import { IconAdjustments, IconBell, IconCalendarMonth, IconChecklist, IconList, IconSpeakerphone, type Icon } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { meetingPaths } from './paths';

interface Section {
  to: string;
  label: string;
  icon: Icon;
  active: (path: string) => boolean;
}

/** The sub-navigation shared by meetings and communications (issue 7's pages). */
export function useMeetingSections(): Section[] {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const list = meetingPaths.list(slug);
  const comms = `/c/${slug}/communications`;
  return [
    { to: list, label: t('meetings.nav.list'), icon: IconList, active: (p) => p === list || (p.startsWith(`${list}/`) && !p.startsWith(meetingPaths.calendar(slug)) && !p.startsWith(meetingPaths.mine(slug))) },
    { to: meetingPaths.calendar(slug), label: t('meetings.nav.calendar'), icon: IconCalendarMonth, active: (p) => p.startsWith(meetingPaths.calendar(slug)) },
    { to: meetingPaths.mine(slug), label: t('meetings.nav.mine'), icon: IconChecklist, active: (p) => p.startsWith(meetingPaths.mine(slug)) },
    { to: `${comms}/announcements`, label: t('meetings.nav.announcements'), icon: IconSpeakerphone, active: (p) => p.startsWith(`${comms}/announcements`) },
    { to: `${comms}/notifications`, label: t('meetings.nav.notifications'), icon: IconBell, active: (p) => p.startsWith(`${comms}/notifications`) },
    { to: `${comms}/preferences`, label: t('meetings.nav.preferences'), icon: IconAdjustments, active: (p) => p.startsWith(`${comms}/preferences`) },
  ];
}

export function MeetingsNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const sections = useMeetingSections();
  return (
    <nav aria-label={t('meetings.nav.label')}>
      <Group gap={6} mb="md" wrap="wrap">
        {sections.map((s) => {
          const active = s.active(pathname);
          const Icon = s.icon;
          return (
            <Button key={s.to} component={Link} to={s.to} size="compact-md" variant={active ? 'filled' : 'default'} aria-current={active ? 'page' : undefined} leftSection={<Icon size={16} aria-hidden />}>
              {s.label}
            </Button>
          );
        })}
      </Group>
    </nav>
  );
}

/** Layout route: the sub-navigation above the page. */
export default function MeetingsLayout() {
  return (
    <>
      <MeetingsNav />
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </>
  );
}
