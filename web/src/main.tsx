import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { setUnauthenticatedHandler } from './api/client.ts';
import { App } from './App.tsx';
import { PortalPage } from './portal/PortalPage.tsx';
import { cssVariablesResolver, theme } from './theme.ts';
import './ui/a11y.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) => count < 2 && (err as { status?: number }).status === undefined,
      refetchOnWindowFocus: false,
    },
  },
});
setUnauthenticatedHandler(() => queryClient.setQueryData(['session'], null));

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          {/* The customer portal opens from a signed link, with no login and no Baton navigation. */}
          {window.location.pathname.startsWith('/portal/') ? <PortalPage /> : <App />}
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
