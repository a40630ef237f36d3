import { Button, Group } from '@mantine/core';
import { IconChecklist, IconFiles, IconGridDots, IconHeartHandshake, IconUsersPlus } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { cbPaths } from './paths';

/** The area's sub-navigation: pipeline, coverage, commitments, onboarding, library. */
export default function CbLayout() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { pathname } = useLocation();
  const rest = pathname.slice(cbPaths.home(slug).length);
  const sections = [
    { to: cbPaths.pipeline(slug), active: rest === '' || rest === '/' || rest.startsWith('/prospects'), label: t('coalitionBuilding.nav.pipeline'), icon: IconUsersPlus },
    { to: cbPaths.coverage(slug), active: rest.startsWith('/coverage'), label: t('coalitionBuilding.nav.coverage'), icon: IconGridDots },
    { to: cbPaths.commitments(slug), active: rest.startsWith('/commitments'), label: t('coalitionBuilding.nav.commitments'), icon: IconHeartHandshake },
    { to: cbPaths.onboarding(slug), active: rest.startsWith('/onboarding'), label: t('coalitionBuilding.nav.onboarding'), icon: IconChecklist },
    { to: cbPaths.library(slug), active: rest.startsWith('/library'), label: t('coalitionBuilding.nav.library'), icon: IconFiles },
  ];
  return (
    <>
      <nav aria-label={t('coalitionBuilding.nav.label')}>
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
