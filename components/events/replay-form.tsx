'use client';

// Replays a stored event: against one workflow (its current or a chosen version) or against every
// workflow whose trigger matches, as if the event had just arrived. Links the runs it started.
import { Play } from 'lucide-react';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { EventSummary } from '@/engine/dto/events';
import { shortId } from '@/lib/format';
import { useWorkflowList } from '@/lib/queries';
import { useReplay } from '@/lib/run-ops';
import { ActionError } from '@/components/admin/action-error';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';

const ALL = '';

export function ReplayForm({ event }: { event: Pick<EventSummary, 'id' | 'source' | 'type' | 'runs'> }) {
  const workflows = useWorkflowList();
  const replay = useReplay();
  const [workflow, setWorkflow] = useState(ALL);
  const [version, setVersion] = useState('');
  const listens = (w: { trigger: { source: string; type: string } }) =>
    w.trigger.source === event.source && w.trigger.type === event.type;
  const matching = workflows.data?.filter(listens) ?? [];
  const others = workflows.data?.filter((w) => !listens(w)) ?? [];
  const versionNumber = workflow && version.trim() ? Number(version) : undefined;
  const versionInvalid = versionNumber !== undefined && !(Number.isInteger(versionNumber) && versionNumber > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (versionInvalid) return;
    replay.mutate({ eventId: event.id, workflow: workflow || undefined, version: versionNumber });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Replay this event">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-start">
        <Field label="Workflow" hint={workflows.isError ? 'Could not load workflows.' : undefined}>
          {(ids) => (
            <Select {...ids} value={workflow} onChange={(e) => setWorkflow(e.target.value)} data-testid="replay-workflow">
              <option value={ALL}>All matching workflows</option>
              {matching.length > 0 && (
                <optgroup label={`Listening to ${event.source} / ${event.type}`}>
                  {matching.map((w) => (
                    <option key={w.name} value={w.name}>
                      {w.name} (v{w.version}){w.enabled ? '' : ' · disabled'}
                    </option>
                  ))}
                </optgroup>
              )}
              {others.length > 0 && (
                <optgroup label="Other workflows">
                  {others.map((w) => (
                    <option key={w.name} value={w.name}>
                      {w.name} (v{w.version})
                    </option>
                  ))}
                </optgroup>
              )}
            </Select>
          )}
        </Field>
        <Field label="Version" error={versionInvalid ? 'A positive whole number' : null}>
          {(ids) => (
            <Input
              {...ids}
              inputMode="numeric"
              placeholder={workflow ? 'current' : 'n/a'}
              disabled={!workflow}
              value={workflow ? version : ''}
              onChange={(e) => setVersion(e.target.value)}
              data-testid="replay-version"
            />
          )}
        </Field>
        <Button type="submit" variant="primary" className="sm:mt-[22px]" disabled={replay.isPending || versionInvalid} data-testid="replay-submit">
          <Play aria-hidden /> {replay.isPending ? 'Replaying…' : 'Replay'}
        </Button>
      </div>
      {replay.isError && <ActionError error={replay.error} title="Could not replay the event" testId="replay-error" />}
      {replay.isSuccess && (
        <div role="status" className="text-sm" data-testid="replay-result" data-count={replay.data.runIds.length}>
          {replay.data.runIds.length === 0 ? (
            <span className="text-muted">No workflow matched; no runs were started.</span>
          ) : (
            <span className="flex flex-wrap items-center gap-1.5">
              Started {replay.data.runIds.length === 1 ? 'run' : `${replay.data.runIds.length} runs`}:
              {replay.data.runIds.map((id) => {
                // The event's run list updates live, so the new runs soon have a number and name.
                const ref = event.runs.find((r) => r.id === id);
                return (
                  <Link key={id} href={`/runs/${id}`} className="text-xs text-accent underline">
                    {ref ? `${ref.workflow} #${ref.number}` : <span className="font-mono">{shortId(id)}</span>}
                  </Link>
                );
              })}
            </span>
          )}
        </div>
      )}
    </form>
  );
}
