'use client';

import { useMe } from '@/lib/me';
import { PasswordForm } from '@/components/profile/password-form';
import { SessionsCard } from '@/components/profile/sessions-card';
import { TokenPanel } from '@/components/profile/token-panel';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function ProfileClient() {
  const me = useMe();
  if (me.isPending) return <SkeletonRows label="Loading your profile" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} title="Could not load your profile" />;
  const { name, email, role, provider, kind } = me.data;
  return (
    <>
      <PageHeader title="Profile" description="Who you are in Railyard, your password and your personal API tokens." />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader title="Account" />
          <CardBody>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
              {[
                ['Name', name, 'profile-name'],
                ['Email', email ?? '—', 'profile-email'],
                ['Role', role, 'profile-role'],
                ['Signs in with', provider === 'credentials' ? 'email and password' : (provider ?? '—'), 'profile-provider'],
              ].map(([label, value, testId]) => (
                <div key={label} className="min-w-0">
                  <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">{label}</dt>
                  <dd className="mt-0.5 text-sm break-words" data-testid={testId}>{value}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
        {provider === 'credentials' && <PasswordForm />}
        {kind === 'user' && <SessionsCard />}
        <TokenPanel myRole={role} />
      </div>
    </>
  );
}
