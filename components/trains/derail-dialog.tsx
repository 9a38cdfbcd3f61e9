'use client';

// Derailing stops a train for good: its features return to `ready` and board the next one. The
// reason is required because it is what the audit trail and the history page show afterwards.
import { OctagonX } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '@/lib/api';
import { useDerailTrain } from '@/lib/train-ops';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Textarea } from '@/components/ui/field';

export function DerailButton({ train }: { train: { id: string; pipeline: string; number: number; version: string } }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const derail = useDerailTrain(train);
  const submit = () => {
    if (!reason.trim()) return;
    derail.mutate(reason.trim(), { onSuccess: () => setOpen(false) });
  };
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)} data-testid="derail-open">
        <OctagonX aria-hidden /> Derail
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Derail train #${train.number} (${train.version})?`} description="The train stops where it is: the runs still working for it are cancelled, and its features return to ready and board the next train.">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          className="space-y-3"
        >
          <Field label="Reason" hint="Shown in the history and the audit trail.">
            {(ids) => (
              <Textarea {...ids} required autoFocus rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="derail-reason" className="font-sans text-sm" />
            )}
          </Field>
          {derail.isError && (
            <p role="alert" className="text-xs text-danger">
              {errorMessage(derail.error)}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Keep it running</Button>
            <Button type="submit" variant="danger" disabled={!reason.trim() || derail.isPending} data-testid="derail-confirm">
              Derail train
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
