'use client';

// First step of a subscription made from the Subscriptions page: what to follow. (From an event
// type, workflow or pipeline page the target is already known and this step is skipped.)
import { useState } from 'react';
import { useRegistry, useWorkflowList } from '@/lib/queries';
import type { Target } from '@/lib/subscription-dto';
import { usePipelines } from '@/lib/train-queries';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Select } from '@/components/ui/field';
import { Segmented } from '@/components/ui/segmented';

type Kind = Target['kind'];
const KINDS: { value: Kind; label: string }[] = [
  { value: 'event-type', label: 'Event type' },
  { value: 'workflow', label: 'Workflow runs' },
  { value: 'pipeline', label: 'Pipeline trains' },
];

export function NewSubscriptionTarget({ open, onClose, onPick }: { open: boolean; onClose: () => void; onPick: (t: Target) => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New subscription" description="What do you want to hear about?">
      {open && <Picker onPick={onPick} onClose={onClose} />}
    </Dialog>
  );
}

function Picker({ onPick, onClose }: { onPick: (t: Target) => void; onClose: () => void }) {
  const [kind, setKind] = useState<Kind>('event-type');
  const [value, setValue] = useState('');
  const registry = useRegistry();
  const workflows = useWorkflowList();
  const pipelines = usePipelines();
  const options: { value: string; label: string }[] =
    kind === 'event-type'
      ? (registry.data ?? []).flatMap((s) => s.eventTypes.map((e) => ({ value: `${e.source}\n${e.type}`, label: `${e.source} / ${e.type}` })))
      : kind === 'workflow'
        ? (workflows.data ?? []).map((w) => ({ value: w.name, label: w.name }))
        : (pipelines.data ?? []).map((p) => ({ value: p.key, label: `${p.name} (${p.key})` }));
  const chosen = value && options.some((o) => o.value === value) ? value : (options[0]?.value ?? '');

  function next() {
    if (!chosen) return;
    if (kind === 'event-type') {
      const [source, type] = chosen.split('\n');
      onPick({ kind, source, type });
    } else onPick(kind === 'workflow' ? { kind, name: chosen } : { kind, key: chosen });
  }

  return (
    <form className="flex flex-col gap-4" onSubmit={(e) => { e.preventDefault(); next(); }}>
      <Segmented label="Follow" value={kind} options={KINDS} onChange={(k) => { setKind(k); setValue(''); }} />
      <Field label={KINDS.find((k) => k.value === kind)!.label} hint={options.length === 0 ? 'Nothing of this kind yet.' : undefined}>
        {(ids) => (
          <Select {...ids} value={chosen} onChange={(e) => setValue(e.target.value)} disabled={options.length === 0} data-testid="new-target">
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </Select>
        )}
      </Field>
      <div className="flex justify-end gap-2 border-t border-border pt-3">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={!chosen} data-testid="new-target-next">Next</Button>
      </div>
    </form>
  );
}
