'use client';

// Publish: a message saying what changed, then a new immutable version. Runs in flight keep the
// version they started with.
import { useState } from 'react';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Textarea } from '@/components/ui/field';
import { apiSend, errorMessage } from '@/lib/api';

const answer = z.object({ name: z.string(), version: z.number().int(), created: z.boolean() });
export type Published = z.infer<typeof answer>;

export function PublishDialog({ open, onClose, name, yaml, onPublished }: { open: boolean; onClose: () => void; name: string; yaml: string; onPublished: (p: Published) => void }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await apiSend('POST', `/api/workflows/${encodeURIComponent(name)}/publish`, { yaml, message }, answer);
      setMessage('');
      onPublished(data);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title={`Publish ${name}`} description="Creates a new version; runs already going keep theirs.">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="What changed, and why" error={error}>
          {(ids) => <Textarea {...ids} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} required data-testid="publish-message" className="font-sans text-sm" />}
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || message.trim() === ''} data-testid="publish-confirm">
            {busy ? 'Publishing…' : 'Publish'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
