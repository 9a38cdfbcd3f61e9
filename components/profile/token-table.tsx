'use client';

import type { TokenDto } from '@/engine/dto/accounts';
import { useRevokeToken } from '@/lib/accounts';
import { errorMessage } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export function TokenTable({ tokens, onRevoked }: { tokens: TokenDto[]; onRevoked: (id: string) => void }) {
  const revoke = useRevokeToken();
  return (
    <>
      <Table>
        <THead>
          <TR>
            <TH>Name</TH>
            <TH>Token</TH>
            <TH>Role</TH>
            <TH>Created</TH>
            <TH>Last used</TH>
            <TH>Expires</TH>
            <TH><span className="sr-only">Actions</span></TH>
          </TR>
        </THead>
        <TBody>
          {tokens.map((t) => (
            <TR key={t.id} data-testid="token-row" data-token-id={t.id}>
              <TD className="font-medium">{t.name}</TD>
              <TD className="font-mono text-xs text-muted">{t.prefix}…</TD>
              <TD>{t.role}</TD>
              <TD><RelativeTime iso={t.createdAt} /></TD>
              <TD>{t.lastUsedAt ? <RelativeTime iso={t.lastUsedAt} /> : <span className="text-muted">never</span>}</TD>
              <TD>{t.expiresAt ? <RelativeTime iso={t.expiresAt} /> : <span className="text-muted">never</span>}</TD>
              <TD className="text-right">
                <Button size="sm" variant="danger" disabled={revoke.isPending && revoke.variables === t.id}
                  onClick={() => revoke.mutate(t.id, { onSuccess: () => onRevoked(t.id) })} data-testid="token-revoke">
                  Revoke
                </Button>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {revoke.isError && <p role="alert" className="text-sm text-danger">{errorMessage(revoke.error)}</p>}
    </>
  );
}
