'use client';

// Pages shown before signing in (/signin) get no sidebar or header: there is nothing to navigate
// to yet, and the header's live connection and user menu would only meet 401s.
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

export const BARE_ROUTES = ['/signin'];

export const isBareRoute = (pathname: string | null) => BARE_ROUTES.includes(pathname ?? '');

export function ShellGate({ bare, children }: { bare: ReactNode; children: ReactNode }) {
  return isBareRoute(usePathname()) ? bare : children;
}
