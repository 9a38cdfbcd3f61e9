'use client';

// "Preview" under an expression field: the value it resolves to, evaluated on the server against
// a stored event of the trigger's type (or a pasted payload), 400 ms after typing stops. Secrets
// show as «secret NAME» and earlier steps' outputs as «steps.X.outputs.Y»: a preview runs nothing.
import { useMemo, useState } from 'react';
import { errorMessage } from '@/lib/api';
import { useEventTypeSample, useExpressionPreview, type PreviewRequest } from '@/lib/expression-queries';
import { relativeTime, shortId } from '@/lib/format';
import { Select, Textarea } from '@/components/ui/field';
import { useEditor } from '../editor-context';
import { upstreamVars } from './completion-tree';
import type { ExpressionMode } from './expression-text';
import { usePreviewChoice } from './preview-choice';

export function PreviewPanel({ text, mode, stepId, testId }: { text: string; mode: ExpressionMode; stepId?: string; testId?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="group text-xs" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={testId}>
      <summary className="cursor-pointer text-muted select-none hover:text-fg">Preview</summary>
      {open && <PreviewBody text={text} mode={mode} stepId={stepId} />}
    </details>
  );
}

function PreviewBody({ text, mode, stepId }: { text: string; mode: ExpressionMode; stepId?: string }) {
  const trigger = useEditor((s) => s.definition.trigger);
  const workflow = useEditor((s) => s.definition.name);
  const steps = useEditor((s) => s.definition.steps);
  const { choice, setChoice } = usePreviewChoice();
  const sample = useEventTypeSample(trigger.source, trigger.type);
  const recent = sample.data?.recent ?? [];
  const chosen = choice.kind === 'event' && !recent.some((r) => r.id === choice.eventId) ? { kind: 'none' as const } : choice;

  const request = useMemo((): PreviewRequest | { problem: string } => {
    const body: PreviewRequest = { ...(mode === 'template' ? { template: text } : { expression: text }), workflow, ...(stepId && { stepId, vars: upstreamVars({ steps }, stepId).literals }) };
    if (chosen.kind === 'event') return { ...body, eventId: chosen.eventId };
    if (chosen.kind === 'paste') {
      try {
        return { ...body, payload: JSON.parse(chosen.text || 'null') };
      } catch (err) {
        return { problem: `pasted payload is not JSON: ${(err as Error).message}` };
      }
    }
    return { ...body, payload: sample.data?.samplePayload ?? null };
  }, [text, mode, workflow, steps, stepId, chosen, sample.data]);
  const problem = 'problem' in request ? request.problem : null;
  const result = useExpressionPreview(problem || text.trim() === '' ? null : (request as PreviewRequest));

  return (
    <div className="mt-1.5 flex flex-col gap-1.5 rounded-md border border-border bg-surface-2 p-2">
      <Select
        aria-label="Evaluate against"
        className="h-7 text-xs"
        value={chosen.kind === 'event' ? chosen.eventId : chosen.kind}
        onChange={(e) => setChoice(e.target.value === 'none' ? { kind: 'none' } : e.target.value === 'paste' ? { kind: 'paste', text: '' } : { kind: 'event', eventId: e.target.value })}
        data-testid="preview-event"
      >
        <option value="none">{sample.data?.samplePayload != null ? 'Sample payload of the event type' : 'No event (payload null)'}</option>
        {recent.map((r) => (
          <option key={r.id} value={r.id}>
            Event {shortId(r.id)} · {relativeTime(r.receivedAt)}
          </option>
        ))}
        <option value="paste">Paste a payload…</option>
      </Select>
      {chosen.kind === 'paste' && (
        <Textarea aria-label="Pasted payload (JSON)" rows={3} value={chosen.text} onChange={(e) => setChoice({ kind: 'paste', text: e.target.value })} placeholder='{"ref": "refs/heads/main"}' />
      )}
      <PreviewResult problem={problem ?? (result.error ? errorMessage(result.error) : null)} data={result.data} pending={result.isFetching} empty={text.trim() === ''} />
    </div>
  );
}

function PreviewResult({ problem, data, pending, empty }: { problem: string | null; data: ReturnType<typeof useExpressionPreview>['data']; pending: boolean; empty: boolean }) {
  if (empty) return <p className="text-muted">Type an expression to see its value.</p>;
  if (problem) return <p className="text-danger">{problem}</p>;
  if (!data) return <p className="text-muted">{pending ? 'Evaluating…' : ' '}</p>;
  if ('error' in data) return <p className="font-mono break-words text-danger" data-testid="preview-error">{data.error}</p>;
  const shown = typeof data.value === 'string' && data.type === 'string' ? data.value : JSON.stringify(data.value, null, 2);
  return (
    <div aria-live="polite" className={pending ? 'opacity-60' : undefined}>
      <span className="text-muted">{data.type}{data.truncated && ' · truncated'}</span>
      <pre className="mt-0.5 max-h-40 overflow-auto font-mono break-words whitespace-pre-wrap" data-testid="preview-value">{shown}</pre>
    </div>
  );
}
