'use client';

// "Sign out everywhere": ends every session of this person (other browsers, a lost laptop), this
// one included. API tokens are not sessions; they are revoked in the token list below.
import { useSignOutEverywhere } from '@/lib/accounts';
import { errorMessage } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';

export function SessionsCard() {
  const revoke = useSignOutEverywhere();
  const signOutEverywhere = () => {
    if (!window.confirm('Sign out of Railyard in every browser, this one included?')) return;
    revoke.mutate(undefined, { onSuccess: () => window.location.assign('/signin') });
  };
  return (
    <Card>
      <CardHeader title="Sessions" description="Signed in somewhere you no longer use? End every session at once; API tokens keep working." />
      <CardBody>
        <div className="flex items-center justify-end gap-3">
          {revoke.isError && <p role="alert" className="text-sm text-danger">{errorMessage(revoke.error)}</p>}
          <Button type="button" variant="danger" onClick={signOutEverywhere} disabled={revoke.isPending} data-testid="sign-out-everywhere">
            {revoke.isPending ? 'Signing out…' : 'Sign out everywhere'}
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}
