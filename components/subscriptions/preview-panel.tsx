'use client';

// "What would I get?": pick a stored event of the target's kind and see the message the
// subscription would send for it (nothing is sent). The form decides how an id is obtained
// (a new subscription is saved muted first), this panel only asks for it.
import { Eye } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { workflowDetailSchema } from '@/engine/dto/registry';
import { apiGet, errorMessage } from '@/lib/api';
import { absoluteTime } from '@/lib/format';
import { keys, useEvents } from '@/lib/queries';
import type { PreviewDto, Target } from '@/lib/subscription-dto';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';

/** Which stored events can stand in for the target: its own type, the workflow's trigger, train events. */
function useSampleEvents(target: Target) {
  const name = target.kind === 'workflow' ? target.name : '';
  // The workflow page's own cache entry: opened from there, it is already loaded.
  const wf = useQuery({
    queryKey: keys.workflow(name),
    enabled: Boolean(name),
    queryFn: ({ signal }) => apiGet(`/api/workflows/${encodeURIComponent(name)}`, workflowDetailSchema, signal),
  });
  const filter =
    target.kind === 'event-type' ? { source: target.source, type: target.type }
    : target.kind === 'workflow' ? { source: wf.data?.trigger.source, type: wf.data?.trigger.type }
    : { source: 'railyard' };
  const events = useEvents(filter);
  const list = (events.data?.pages[0] ?? []).filter((e) => target.kind !== 'pipeline' || e.type.startsWith('train.')).slice(0, 20);
  return { list, pending: events.isPending || (target.kind === 'workflow' && wf.isPending) };
}

export function PreviewPanel({ target, onPreview }: { target: Target; onPreview: (eventId: string) => Promise<PreviewDto> }) {
  const { list, pending } = useSampleEvents(target);
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PreviewDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const eventId = picked || list[0]?.id || '';

  async function run() {
    setBusy(true);
    setError(null);
    try {
      setResult(await onPreview(eventId));
    } catch (err) {
      setResult(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-label="Preview" className="flex min-w-0 flex-col gap-3" data-testid="subscription-preview">
      <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">Preview</h3>
      {!pending && list.length === 0 ? (
        <p className="rounded-md border border-dashed border-border px-3 py-2 text-xs text-muted">No stored event of this kind yet: a preview needs one that was received.</p>
      ) : (
        <div className="flex items-end gap-2">
          <Field label="For the event" className="min-w-0 flex-1">
            {(ids) => (
              <Select {...ids} value={eventId} onChange={(e) => setPicked(e.target.value)} disabled={pending} data-testid="preview-event">
                {list.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.type} · {absoluteTime(e.receivedAt)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button onClick={run} disabled={!eventId || busy} data-testid="preview-run">
            <Eye aria-hidden /> {busy ? 'Rendering…' : 'Preview'}
          </Button>
        </div>
      )}
      {error && <p role="alert" className="text-xs text-danger">{error}</p>}
      {result && <PreviewMessage preview={result} />}
    </section>
  );
}

const DECISION: Record<PreviewDto['decision'], { text: string; tone: string }> = {
  send: { text: 'Would be sent now.', tone: 'tone-green' },
  digest: { text: 'Would wait for the next digest.', tone: 'tone-slate' },
  skip: { text: 'Would not be sent: the policy stays quiet for this one (e.g. no status change, not a failure).', tone: 'tone-amber' },
};

/** The message once per channel as that channel would carry it: e-mail text, chat markdown/blocks. */
function PreviewMessage({ preview }: { preview: PreviewDto }) {
  const d = DECISION[preview.decision];
  return (
    <div className="flex flex-col gap-2" data-testid="preview-message" data-decision={preview.decision}>
      <p className={`rounded-md border px-3 py-1.5 text-xs ${d.tone}`}>{d.text}</p>
      {preview.rendered.map((r) => (
        <div key={r.channel} className="rounded-md border border-border bg-surface-2 text-xs">
          <p className="flex items-center justify-between gap-2 border-b border-border px-3 py-1.5 text-muted">
            <span>{r.kind === 'email' ? 'E-mail' : `Chat (${r.format})`}</span>
            {r.subject && <span className="truncate font-medium text-fg" data-testid="preview-subject">{r.subject}</span>}
          </p>
          <pre className="max-h-56 overflow-auto px-3 py-2 font-mono leading-5 whitespace-pre-wrap text-fg/90">{r.text}</pre>
          {r.body !== undefined && (
            <details className="border-t border-border px-3 py-1.5">
              <summary className="cursor-pointer text-muted">Webhook payload</summary>
              <pre className="mt-1 max-h-48 overflow-auto font-mono whitespace-pre-wrap">{JSON.stringify(r.body, null, 2)}</pre>
            </details>
          )}
        </div>
      ))}
      {preview.message.link && (
        <a href={preview.message.link} className="text-xs text-accent hover:underline">{preview.message.linkLabel}</a>
      )}
    </div>
  );
}
