'use client';

// Admins manage people here; the API (users.manage) refuses everyone else, and this page says so.
import { Plus, Users } from 'lucide-react';
import { useState } from 'react';
import { useUsers } from '@/lib/accounts';
import { useMe } from '@/lib/me';
import { can } from '@/engine/auth/roles';
import { UserCreateForm } from '@/components/users/user-create-form';
import { UsersTable } from '@/components/users/users-table';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function UsersClient() {
  const me = useMe();
  const admin = me.data ? can(me.data.role, 'users.manage') : null;
  const users = useUsers();
  const [adding, setAdding] = useState(false);

  if (admin === false) {
    return (
      <Card>
        <EmptyState icon={Users} title="Admins only">
          <p>Managing people needs the admin role. Your role is {me.data?.role}.</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <>
      <PageHeader
        title="Users"
        description="Who may sign in, and with which role. Roles apply at once, also to the person's API tokens."
        actions={
          <Button variant="primary" size="sm" onClick={() => setAdding(true)} data-testid="add-user">
            <Plus aria-hidden /> Add user
          </Button>
        }
      />
      {users.isPending ? (
        <Card><SkeletonRows label="Loading users" /></Card>
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} title="Could not load users" />
      ) : (
        <Card><UsersTable users={users.data} myId={me.data?.id ?? null} /></Card>
      )}
      <Dialog open={adding} onClose={() => setAdding(false)} title="Add a user" description="They sign in with this email and the initial password, then change it in Profile.">
        {adding && <UserCreateForm onDone={() => setAdding(false)} />}
      </Dialog>
    </>
  );
}
