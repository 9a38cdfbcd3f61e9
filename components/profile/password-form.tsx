'use client';

// Change your own password (people who sign in with email and password only).
import { useState, type FormEvent } from 'react';
import { useChangePassword } from '@/lib/accounts';
import { errorMessage } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';

export function PasswordForm() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat !== '' && repeat !== next ? 'The two new passwords differ.' : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    change.mutate({ current, next }, { onSuccess: () => [setCurrent, setNext, setRepeat].forEach((set) => set('')) });
  };

  return (
    <Card>
      <CardHeader title="Password" description="At least 8 characters. Your other sessions are signed out; this one stays signed in." />
      <CardBody>
        <form onSubmit={submit} className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="password-form">
          <Field label="Current password">
            {(ids) => <Input {...ids} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="password-current" />}
          </Field>
          <Field label="New password">
            {(ids) => <Input {...ids} type="password" autoComplete="new-password" required minLength={8} value={next} onChange={(e) => setNext(e.target.value)} data-testid="password-next" />}
          </Field>
          <Field label="Repeat the new password" error={mismatch}>
            {(ids) => <Input {...ids} type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} data-testid="password-repeat" />}
          </Field>
          <div className="flex items-center justify-end gap-3 sm:col-span-3">
            {change.isError && <p role="alert" className="text-sm text-danger">{errorMessage(change.error)}</p>}
            {change.isSuccess && <p role="status" className="text-sm text-success" data-testid="password-changed">Password changed.</p>}
            <Button type="submit" variant="primary" disabled={change.isPending || Boolean(mismatch)} data-testid="password-submit">
              {change.isPending ? 'Saving…' : 'Change password'}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
