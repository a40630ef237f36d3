import { Button, Group } from '@mantine/core';
import { IconAddressBook, IconBriefcase, IconMessages, IconSchool, IconTable } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCoalition } from '../../coalition/context';
import { Loading } from '../../components/Loading';
import { ixPaths } from './paths';

/** The area's sub-navigation (Needs, Programs, Alignment, Forum, Points of contact) above each page. */
export default function IxLayout() {
  const { t } = useTranslation();
  const { slug } = useCoalition();
  const { pathname } = useLocation();
  const sections = [
    { to: ixPaths.needs(slug), match: ['/needs', '/employers'], label: t('informationExchange.nav.needs'), icon: IconBriefcase },
    { to: ixPaths.programs(slug), match: ['/programs', '/courses'], label: t('informationExchange.nav.programs'), icon: IconSchool },
    { to: ixPaths.alignment(slug), match: ['/alignment'], label: t('informationExchange.nav.alignment'), icon: IconTable },
    { to: ixPaths.forum(slug), match: ['/forum'], label: t('informationExchange.nav.forum'), icon: IconMessages },
    { to: ixPaths.contacts(slug), match: ['/contacts'], label: t('informationExchange.nav.contacts'), icon: IconAddressBook },
  ];
  const rest = pathname.slice(ixPaths.home(slug).length);
  return (
    <>
      <nav aria-label={t('informationExchange.nav.label')}>
        <Group gap={6} mb="md" wrap="wrap">
          {sections.map((s) => {
            const active = s.match.some((m) => rest.startsWith(m));
            const Icon = s.icon;
            return (
              <Button
                key={s.to}
                component={Link}
                to={s.to}
                size="compact-md"
                variant={active ? 'filled' : 'default'}
                aria-current={active ? 'page' : undefined}
                leftSection={<Icon size={16} aria-hidden />}
              >
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
