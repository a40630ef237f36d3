import { Button, Group } from '@mantine/core';
import { IconAlertTriangle, IconCalendarStats, IconCoin, IconListCheck, IconReport, IconTargetArrow } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { iniPaths } from './paths';

/** The area's sub-navigation above each page: initiatives, master plan, strategy, money, risks, reports. */
export default function IniLayout() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { pathname } = useLocation();
  const rest = pathname.slice(iniPaths.home(slug).length);
  const sections = [
    { to: iniPaths.list(slug), active: rest === '' || rest === '/' || (/^\/[0-9a-f-]{36}|^\/new/.test(rest)), label: t('initiatives.nav.initiatives'), icon: IconListCheck },
    { to: iniPaths.masterPlan(slug), active: rest.startsWith('/master-plan'), label: t('initiatives.nav.masterPlan'), icon: IconCalendarStats },
    { to: iniPaths.sessions(slug), active: rest.startsWith('/strategy'), label: t('initiatives.nav.strategy'), icon: IconTargetArrow },
    { to: iniPaths.funding(slug), active: rest.startsWith('/funding'), label: t('initiatives.nav.funding'), icon: IconCoin },
    { to: iniPaths.risks(slug), active: rest.startsWith('/risks'), label: t('initiatives.nav.risks'), icon: IconAlertTriangle },
    { to: iniPaths.report(slug), active: rest.startsWith('/status-report'), label: t('initiatives.nav.report'), icon: IconReport },
  ];
  return (
    <>
      <nav aria-label={t('initiatives.nav.label')}>
        <Group gap={6} mb="md" wrap="wrap">
          {sections.map((s) => {
            const Icon = s.icon;
            return (
              <Button key={s.to} component={Link} to={s.to} size="compact-md" variant={s.active ? 'filled' : 'default'} aria-current={s.active ? 'page' : undefined} leftSection={<Icon size={16} aria-hidden />}>
                {s.label}
              </Button>
            );
          })}
        </Group>
      </nav>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </>
  );
}
