'use client';

// Personal API tokens: create (shown once, with a copy button), list, revoke. A token acts as you,
// with at most the role chosen here and never more than your current role.
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { ROLES, roleRank, type Role } from '@/engine/auth/roles';
import type { CreatedTokenDto } from '@/engine/dto/accounts';
import { useMyTokens } from '@/lib/accounts';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CodeBlock } from '@/components/ui/code-block';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TokenCreateForm } from './token-create-form';
import { TokenTable } from './token-table';

export function TokenPanel({ myRole }: { myRole: Role }) {
  const tokens = useMyTokens();
  const [created, setCreated] = useState<CreatedTokenDto | null>(null);
  const roles = ROLES.filter((r) => roleRank(r) <= roleRank(myRole));

  return (
    <Card>
      <CardHeader title="API tokens" description="For scripts, CI and the railyard CLI: send it as “Authorization: Bearer <token>”." />
      <CardBody className="flex flex-col gap-4">
        <TokenCreateForm roles={roles} defaultRole={myRole} onCreated={setCreated} />
        {created && (
          <div role="status" className="rounded-md border tone-green p-3 text-sm" data-testid="token-created">
            <p className="font-medium">Token “{created.name}” created. Copy it now: it will not be shown again.</p>
            <div className="mt-2 flex items-center gap-2">
              <code className="min-w-0 flex-1 truncate rounded bg-surface px-2 py-1 font-mono text-xs text-fg" data-testid="token-value">
                {created.token}
              </code>
              <CopyButton text={created.token} label="Copy token" />
            </div>
            <CodeBlock className="mt-2" label="bash" code={`curl -H "Authorization: Bearer ${created.token}" ${typeof window === 'undefined' ? '' : window.location.origin}/api/me`} />
          </div>
        )}
        {tokens.isPending ? (
          <SkeletonRows rows={2} label="Loading tokens" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} title="Could not load your tokens" />
        ) : tokens.data.length === 0 ? (
          <EmptyState icon={KeyRound} title="No tokens yet">
            <p>Create one above for each script or machine, so each can be revoked on its own.</p>
          </EmptyState>
        ) : (
          <TokenTable tokens={tokens.data} onRevoked={(id) => created?.id === id && setCreated(null)} />
        )}
      </CardBody>
    </Card>
  );
}
