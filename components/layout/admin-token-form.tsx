'use client';

import { useState, type FormEvent } from 'react';
import { ADMIN_TOKEN_HELP, setAdminToken, useAdminToken } from '@/lib/admin-token';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

/** Paste/clear the admin token. Used in the header dialog and inline on pages that write. */
export function AdminTokenForm({ onDone }: { onDone?: () => void }) {
  const token = useAdminToken();
  const [draft, setDraft] = useState('');
  const save = (e: FormEvent) => {
    e.preventDefault();
    setAdminToken(draft);
    setDraft('');
    onDone?.();
  };
  return (
    <form onSubmit={save} className="flex flex-col gap-3">
      <Field label="Admin token" hint={ADMIN_TOKEN_HELP}>
        {(ids) => (
          <Input
            {...ids}
            type="password"
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder={token ? '•••••••• (set; paste to replace)' : 'Paste the token printed by npm start'}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="admin-token-input"
          />
        )}
      </Field>
      <div className="flex justify-end gap-2">
        {token && (
          <Button
            variant="danger"
            onClick={() => {
              setAdminToken(null);
              onDone?.();
            }}
          >
            Forget token
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={!draft.trim()} data-testid="admin-token-save">
          Save token
        </Button>
      </div>
    </form>
  );
}
