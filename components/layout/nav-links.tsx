'use client';

import { Activity, LayoutDashboard, Library, Play, Send, Workflow } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

export const NAV = [
  { href: '/', label: 'Overview', icon: LayoutDashboard },
  { href: '/events', label: 'Events', icon: Activity },
  { href: '/runs', label: 'Runs', icon: Play },
  { href: '/registry', label: 'Registry', icon: Library },
  { href: '/send', label: 'Send event', icon: Send },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** Primary navigation; `aria-current` marks the section you are in (runs/123 counts as Runs). */
export function NavLinks({ orientation = 'vertical' }: { orientation?: 'vertical' | 'horizontal' }) {
  const pathname = usePathname() ?? '/';
  // Workflow pages are reached from the registry, so highlight Registry there.
  const effective = pathname.startsWith('/workflows') ? '/registry' : pathname;
  return (
    <ul className={cn('flex gap-0.5', orientation === 'vertical' ? 'flex-col' : 'flex-row overflow-x-auto')}>
      {NAV.map(({ href, label, icon: Icon }) => {
        const active = isActive(effective, href);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm whitespace-nowrap transition-colors',
                active ? 'bg-surface-3 font-medium text-fg' : 'text-muted hover:bg-surface-2 hover:text-fg',
              )}
            >
              <Icon aria-hidden className={cn('size-4', active && 'text-accent')} />
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export const BrandIcon = Workflow;
