'use client';

// Header menu for the signed-in person: name and role badge, Profile, Users (admins) and Sign out.
import { ChevronDown, LogOut, UserRound, Users } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { signOut } from '@/lib/auth-client';
import { useMe } from '@/lib/me';
import { can } from '@/engine/auth/roles';
import { Button } from '@/components/ui/button';
import { Tag } from '@/components/ui/tag';

const item = 'flex h-8 w-full items-center gap-2 rounded px-2 text-left text-sm text-fg hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none';

export function UserMenu() {
  const me = useMe();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  // Close on Escape or a click elsewhere, like any menu.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  if (!me.data) return <span className="h-7 w-24 animate-pulse rounded-md bg-surface-2" aria-hidden />;
  const { name, role, email } = me.data;
  return (
    <div ref={root} className="relative">
      <Button size="sm" variant="ghost" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="user-menu">
        <UserRound aria-hidden />
        <span className="max-w-32 truncate max-sm:sr-only" data-testid="user-name">{name}</span>
        <Tag tone={role === 'admin' ? 'accent' : 'neutral'} className="max-sm:hidden">
          <span data-testid="user-role">{role}</span>
        </Tag>
        <ChevronDown aria-hidden />
      </Button>
      {open && (
        <div role="menu" className="absolute right-0 z-30 mt-1 w-56 rounded-md border border-border bg-surface p-1 shadow-md">
          <p className="truncate px-2 py-1.5 text-xs text-muted">{email ?? name}</p>
          <Link role="menuitem" href="/profile" className={item} onClick={() => setOpen(false)} data-testid="user-menu-profile">
            <UserRound aria-hidden className="size-4" /> Profile
          </Link>
          {can(role, 'users.manage') && (
            <Link role="menuitem" href="/admin/users" className={item} onClick={() => setOpen(false)} data-testid="user-menu-users">
              <Users aria-hidden className="size-4" /> Users
            </Link>
          )}
          <button role="menuitem" type="button" className={item} onClick={() => void signOut()} data-testid="sign-out">
            <LogOut aria-hidden className="size-4" /> Sign out
          </button>
        </div>
      )}
    </div>
  );
}
