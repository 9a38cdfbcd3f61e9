'use client';

import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '@/engine/auth/roles';
import { useCreateUser } from '@/lib/accounts';
import { errorMessage } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

export function UserCreateForm({ onDone }: { onDone: () => void }) {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ email: email.trim(), name: name.trim(), role, password }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="user-form">
      <Field label="Email">
        {(ids) => <Input {...ids} type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="user-email" />}
      </Field>
      <Field label="Name">
        {(ids) => <Input {...ids} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="user-name-input" />}
      </Field>
      <Field label="Role">
        {(ids) => (
          <Select {...ids} value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="user-role-input">
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Initial password" hint="At least 8 characters; give it to them privately.">
        {(ids) => <Input {...ids} type="text" required minLength={8} autoComplete="new-password" spellCheck={false} className="font-mono" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="user-password" />}
      </Field>
      {create.isError && <p role="alert" className="text-sm text-danger sm:col-span-2">{errorMessage(create.error)}</p>}
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" variant="primary" disabled={create.isPending} data-testid="user-save">
          {create.isPending ? 'Adding…' : 'Add user'}
        </Button>
      </div>
    </form>
  );
}
