'use client';

import { Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Role } from '@/engine/auth/roles';
import type { CreatedTokenDto } from '@/engine/dto/accounts';
import { useCreateToken } from '@/lib/accounts';
import { errorMessage } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

const EXPIRY = [
  { label: 'Never', days: 0 },
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '1 year', days: 365 },
];

export function TokenCreateForm({ roles, defaultRole, onCreated }: { roles: readonly Role[]; defaultRole: Role; onCreated: (t: CreatedTokenDto) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(defaultRole);
  const [days, setDays] = useState(90);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), role, expiresInDays: days || undefined },
      { onSuccess: (t) => { setName(''); onCreated(t); } },
    );
  };

  return (
    <form onSubmit={submit} className="grid grid-cols-1 items-end gap-3 sm:grid-cols-[1fr_10rem_10rem_auto]" data-testid="token-form">
      <Field label="Name" hint="What uses it, e.g. “deploy script on build-01”.">
        {(ids) => <Input {...ids} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="token-name" />}
      </Field>
      <Field label="Role" hint="At most your own.">
        {(ids) => (
          <Select {...ids} value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="token-role">
            {roles.map((r) => <option key={r} value={r}>{r}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Expires" hint="Shorter is safer.">
        {(ids) => (
          <Select {...ids} value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="token-expiry">
            {EXPIRY.map((x) => <option key={x.days} value={x.days}>{x.label}</option>)}
          </Select>
        )}
      </Field>
      <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()} className="sm:mb-5" data-testid="token-create">
        <Plus aria-hidden /> {create.isPending ? 'Creating…' : 'Create token'}
      </Button>
      {create.isError && <p role="alert" className="text-sm text-danger sm:col-span-4">{errorMessage(create.error)}</p>}
    </form>
  );
}
