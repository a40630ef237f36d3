import { AppShell, Burger, Button, Container, Divider, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router-dom';
import { useMe } from '../auth/session';
import { lastCoalition } from '../coalition/context';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Loading } from '../components/Loading';
import { Brand } from './Brand';
import { CoalitionSwitcher } from './CoalitionSwitcher';
import { useFocusOnNavigate } from './focusOnNavigate';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Navigation } from './Navigation';
import { SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

const NAVBAR_ID = 'tb-navbar';

/** The signed-in shell: header (brand, language, account), navigation, and the page. */
export default function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const match = useMatch('/c/:slug/*');
  useFocusOnNavigate();

  // On small screens the navigation is a drawer: close it once the person has picked a page.
  useEffect(() => close(), [pathname, close]);

  if (!me) return null; // RequireAuth renders this only with a session.

  const routeSlug = match?.params.slug ?? null;
  const remembered = lastCoalition();
  const navCoalition =
    me.coalitions.find((c) => c.slug === routeSlug) ??
    (routeSlug ? undefined : (me.coalitions.find((c) => c.slug === remembered) ?? me.coalitions[0]));

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 300, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('a11y.closeNavigation') : t('a11y.openNavigation')}
                aria-expanded={opened}
                aria-controls={NAVBAR_ID}
              />
              <Brand to={navCoalition ? `/c/${navCoalition.slug}` : '/'} />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitcher />
              <UserMenu user={me.user} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id={NAVBAR_ID} aria-label={t('a11y.mainNavigation')} p="sm">
          <AppShell.Section>
            {me.coalitions.length > 0 ? (
              <CoalitionSwitcher coalitions={me.coalitions} current={navCoalition?.slug ?? null} />
            ) : (
              <Text size="sm" c="dimmed" px="xs">
                {t('shell.noCoalitions')}
              </Text>
            )}
            <Button
              component={Link}
              to="/coalitions/new"
              variant="subtle"
              size="compact-sm"
              mt="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              aria-current={pathname === '/coalitions/new' ? 'page' : undefined}
            >
              {t('shell.newCoalition')}
            </Button>
          </AppShell.Section>
          <Divider my="sm" />
          <AppShell.Section grow component={ScrollArea} type="scroll">
            {navCoalition && <Navigation membership={navCoalition} />}
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" tabIndex={-1}>
          <Container size="xl" px={0}>
            <ErrorBoundary>
              <Suspense fallback={<Loading />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
