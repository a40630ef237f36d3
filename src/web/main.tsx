import '@mantine/core/styles.css';
import './styles.css';

import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { App, preloadFirstRoute } from './App';
import { meQuery } from './auth/session';
import { setupI18n } from './i18n';
import { createQueryClient } from './queryClient';
import { cssVariablesResolver, theme } from './theme';

const FIRST_SCREEN_WAIT_MS = 800;

async function start() {
  // Who is signed in, and the first screen's chunks and data, are fetched while the language loads.
  const queryClient = createQueryClient();
  const firstScreen = Promise.all([queryClient.prefetchQuery(meQuery), preloadFirstRoute(window.location.pathname, queryClient)]);
  const i18n = await setupI18n();
  // Render once they are here (usually already: index.html preloads both), so the first paint is the
  // page and not a spinner that is replaced at once; a slow server gets the spinner after a moment.
  await Promise.race([firstScreen.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
