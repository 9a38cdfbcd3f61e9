// The frame around every page: skip link, left sidebar on wide screens (top bar on narrow ones),
// and the header tools (live status, user menu, theme), each rendered exactly once. The sign-in
// page gets none of it (ShellGate).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SearchBox } from '@/components/search/search-box';
import { LiveIndicator } from './live-indicator';
import { NavLinks } from './nav-links';
import { ShellGate } from './shell-gate';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md px-1 text-sm font-semibold tracking-tight">
      {/* public/logo.svg: the same mark as the favicon. A plain <img>: a 600-byte SVG needs no optimising. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src="/logo.svg" alt="" width={24} height={24} className="size-6" />
      Railyard
    </Link>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <ShellGate bare={children}>
      <div className="flex min-h-dvh">
        <a
          href="#main"
          className="fixed top-2 left-2 z-50 -translate-y-16 rounded-md bg-accent px-3 py-2 text-sm font-medium text-accent-fg focus:translate-y-0"
        >
          Skip to content
        </a>
        <aside className="sticky top-0 hidden h-dvh w-56 shrink-0 flex-col border-r border-border bg-surface md:flex">
          <div className="flex h-12 items-center px-3">
            <Brand />
          </div>
          <nav aria-label="Main" className="flex-1 px-2 py-2">
            <NavLinks />
          </nav>
          <p className="border-t border-border px-3 py-2.5 text-[11px] text-subtle">Self-hosted delivery control</p>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-20 flex h-12 items-center gap-3 border-b border-border bg-bg/85 px-4 backdrop-blur">
            <div className="md:hidden">
              <Brand />
            </div>
            <div className="flex min-w-0 flex-1 justify-center">
              <SearchBox />
            </div>
            {/* Rendered once, at every width: duplicates would repeat test ids and radio names. */}
            <LiveIndicator />
            <ThemeToggle />
            <UserMenu />
          </header>
          <nav aria-label="Main (compact)" className="border-b border-border bg-surface px-2 py-1.5 md:hidden">
            <NavLinks orientation="horizontal" />
          </nav>
          {/* A page holding a [data-full-bleed] element (the workflow editor) gets the whole width, unpadded. */}
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none md:px-8 has-[[data-full-bleed]]:max-w-none has-[[data-full-bleed]]:p-0"
          >
            {children}
          </main>
        </div>
      </div>
    </ShellGate>
  );
}
