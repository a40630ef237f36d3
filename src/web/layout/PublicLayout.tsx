import { Box, Container, Group } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Loading } from '../components/Loading';
import { Brand } from './Brand';
import { useFocusOnNavigate } from './focusOnNavigate';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SkipLink } from './SkipLink';

/** Layout of the signed-out pages: a slim header and a centred card. */
export default function PublicLayout() {
  useFocusOnNavigate();
  return (
    <>
      <SkipLink />
      <Box component="header" className="tb-public-header">
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between">
            <Brand />
            <LanguageSwitcher />
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main-content" tabIndex={-1} className="tb-public-main">
        <Container size={460} py={{ base: 'lg', sm: 48 }}>
          <ErrorBoundary>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Container>
      </Box>
    </>
  );
}
