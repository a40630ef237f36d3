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

async function start() {
  // Who is signed in, and the first screen's chunks, are fetched while the language loads.
  const queryClient = createQueryClient();
  void queryClient.prefetchQuery(meQuery);
  preloadFirstRoute(window.location.pathname);
  const i18n = await setupI18n();
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
