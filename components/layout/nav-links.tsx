'use client';

import { Activity, BellRing, BookOpen, CircleCheck, FlaskConical, LayoutDashboard, Library, Play, ScrollText, Send, TrainFront, Users, Workflow } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';
import { useCan } from '@/lib/me';
import { ApprovalsBadge } from '@/components/approvals/approvals-badge';

export const NAV = [
  { href: '/', label: 'Overview', icon: LayoutDashboard },
  { href: '/events', label: 'Events', icon: Activity },
  { href: '/runs', label: 'Runs', icon: Play },
  { href: '/trains', label: 'Trains', icon: TrainFront },
  { href: '/processes', label: 'Processes', icon: BookOpen },
  { href: '/registry', label: 'Registry', icon: Library },
  { href: '/send', label: 'Send event', icon: Send },
  { href: '/simulate', label: 'Simulate', icon: FlaskConical },
  { href: '/approvals', label: 'Approvals', icon: CircleCheck },
  { href: '/subscriptions', label: 'Subscriptions', icon: BellRing },
  { href: '/audit', label: 'Audit trail', icon: ScrollText },
  // Shown to admins only (the API refuses everyone else anyway).
  { href: '/admin/users', label: 'Users', icon: Users, admin: true },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** Primary navigation; `aria-current` marks the section you are in (runs/123 counts as Runs). */
export function NavLinks({ orientation = 'vertical' }: { orientation?: 'vertical' | 'horizontal' }) {
  const pathname = usePathname() ?? '/';
  const isAdmin = useCan('users.manage');
  // Workflow pages are reached from the registry, pipeline pages from Trains.
  const effective = pathname.startsWith('/workflows') ? '/registry' : pathname.startsWith('/pipelines') ? '/trains' : pathname;
  return (
    <ul className={cn('flex gap-0.5', orientation === 'vertical' ? 'flex-col' : 'flex-row overflow-x-auto')}>
      {NAV.filter((n) => isAdmin || !('admin' in n)).map(({ href, label, icon: Icon }) => {
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
              {href === '/approvals' && <ApprovalsBadge />}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export const BrandIcon = Workflow;
