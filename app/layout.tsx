import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { THEME_INIT_SCRIPT } from '@/lib/theme-script';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Railyard', template: '%s · Railyard' },
  description: 'Events in, workflows run, everyone watches live.',
  // Both live in public/: the .ico for every browser, the SVG where it is understood.
  icons: { icon: [{ url: '/favicon.ico', sizes: '48x48' }, { url: '/logo.svg', type: 'image/svg+xml' }] },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0b0d' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // data-theme is set before paint by the script below, so React must not complain about it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body>
        <Providers>
          <AppShell>{children}</AppShell>
        </Providers>
      </body>
    </html>
  );
}
