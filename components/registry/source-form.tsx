'use client';

// Create a source (POST /api/sources) or edit one (PATCH /api/sources/{key}). Needs the editor
// role (callers hide it otherwise). The secret is write-only: the API never sends it back, so editing leaves it unchanged
// unless a new one is typed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Dices } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { AUTH_MODES, PRESETS, sourceSchema, type AuthMode, type Preset, type SourceDto } from '@/engine/dto/registry';
import { apiSend, errorMessage } from '@/lib/api';
import { keys } from '@/lib/queries';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

const AUTH_HINT: Record<AuthMode, string> = {
  token: 'Senders put the secret in "Authorization: Bearer <secret>".',
  hmac: 'Senders sign the body with HMAC-SHA256 using the secret (GitHub: X-Hub-Signature-256).',
  'gitlab-token': 'GitLab sends the secret in the X-Gitlab-Token header.',
};
const DEFAULT_AUTH: Record<Preset, AuthMode> = { generic: 'token', github: 'hmac', gitlab: 'gitlab-token', jira: 'token', jenkins: 'token', bitbucket: 'hmac' };

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function SourceForm({ source, onDone }: { source?: SourceDto; onDone: (s: SourceDto) => void }) {
  const qc = useQueryClient();
  const editing = Boolean(source);
  const [key, setKey] = useState(source?.key ?? '');
  const [name, setName] = useState(source?.name ?? '');
  const [description, setDescription] = useState(source?.description ?? '');
  const [preset, setPreset] = useState<Preset>(source?.preset ?? 'generic');
  const [mode, setMode] = useState<AuthMode>(source?.authMode ?? 'token');
  const [secret, setSecret] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: async () => {
      const auth = secret ? { mode, secret } : undefined;
      if (!editing) {
        return apiSend('POST', '/api/sources', { key, name, description: description || undefined, preset, auth }, sourceSchema);
      }
      return apiSend('PATCH', `/api/sources/${encodeURIComponent(key)}`, { name, description, preset, auth }, sourceSchema);
    },
    onSuccess: ({ data }) => {
      void qc.invalidateQueries({ queryKey: keys.registry });
      onDone(data);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocalError(null);
    if (!editing && !secret) return setLocalError('A new source needs a secret.');
    if (editing && mode !== source?.authMode && !secret) return setLocalError('Enter a secret to change the auth mode.');
    save.mutate();
  };

  return (
    <form onSubmit={submit} className="grid grid-cols-1 gap-3 sm:grid-cols-2" data-testid="source-form">
      <Field label="Key" hint={editing ? 'Keys are permanent: they are part of webhook URLs.' : 'Lowercase, used in URLs: /api/events/<key>/<type>'}>
        {(ids) => (
          <Input {...ids} required disabled={editing} pattern="[a-z0-9][a-z0-9-]*" className="font-mono" value={key} onChange={(e) => setKey(e.target.value)} placeholder="github" name="key" />
        )}
      </Field>
      <Field label="Name">
        {(ids) => <Input {...ids} required value={name} onChange={(e) => setName(e.target.value)} placeholder="GitHub" name="name" />}
      </Field>
      <Field label="Description" className="sm:col-span-2">
        {(ids) => <Input {...ids} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Pushes, pull requests and tags from our GitHub org" name="description" />}
      </Field>
      <Field label="Preset" hint="How to read this tool's native webhooks (type and delivery headers, signature).">
        {(ids) => (
          <Select
            {...ids}
            name="preset"
            value={preset}
            onChange={(e) => {
              const p = e.target.value as Preset;
              setPreset(p);
              if (!editing) setMode(DEFAULT_AUTH[p]);
            }}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Auth mode" hint={AUTH_HINT[mode]}>
        {(ids) => (
          <Select {...ids} name="authMode" value={mode} onChange={(e) => setMode(e.target.value as AuthMode)}>
            {AUTH_MODES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Secret" className="sm:col-span-2" hint={editing ? 'Leave empty to keep the current secret.' : 'Give the same value to the sending tool. It is stored encrypted and never shown again.'}>
        {(ids) => (
          <div className="flex gap-2">
            <Input {...ids} name="secret" type="text" autoComplete="off" spellCheck={false} className="font-mono" value={secret} onChange={(e) => setSecret(e.target.value)} />
            <Button onClick={() => setSecret(randomSecret())} aria-label="Generate a random secret" title="Generate">
              <Dices aria-hidden /> Generate
            </Button>
          </div>
        )}
      </Field>
      {(localError || save.isError) && (
        <p role="alert" className="text-sm text-danger sm:col-span-2">
          {localError ?? errorMessage(save.error)}
        </p>
      )}
      <div className="flex justify-end gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={save.isPending} data-testid="source-save">
          {save.isPending ? 'Saving…' : editing ? 'Save changes' : 'Add source'}
        </Button>
      </div>
    </form>
  );
}
