'use client';

// Client-wide providers: the react-query cache (kept fresh by the single live SSE connection,
// not by polling) and the theme preference.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { ApiError } from '@/lib/api';
import { useApplyTheme } from '@/lib/theme';
import { useLiveUpdates } from '@/lib/use-live-updates';
import { isBareRoute } from '@/components/layout/shell-gate';

let browserClient: QueryClient | undefined;

function makeClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live messages keep cached data current, so refetching on focus would only add load.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx (not found, bad filter) will not fix itself; network blips and 5xx get two retries.
        retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      },
    },
  });
}

function getClient(): QueryClient {
  // Isolated per server render; one shared cache in the browser.
  if (typeof window === 'undefined') return makeClient();
  browserClient ??= makeClient();
  return browserClient;
}

function Live() {
  useLiveUpdates();
  return null;
}

function LiveAndTheme() {
  useApplyTheme();
  // The sign-in page has no session yet: a live connection there would only be refused.
  return isBareRoute(usePathname()) ? null : <Live />;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={getClient()}>
      <LiveAndTheme />
      {children}
    </QueryClientProvider>
  );
}
