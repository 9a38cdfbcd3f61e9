'use client';

// The simulator's input: a source and type from the registry, a payload pasted, taken from the
// type's sample, or from a stored event, and optional headers (`event.headers` to filters and
// parameters; a stored event brings its own). `workflow` (the editor's dialog) sends the definition
// being edited, simulated in place of its live version.
import { FlaskConical } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { parseHeaderLines } from '@/engine/intake/header-lines';
import type { RegistryDto } from '@/engine/dto/registry';
import { useEventDraft } from '@/components/send/use-event-draft';
import { errorMessage } from '@/lib/api';
import { useSimulate } from '@/lib/simulate-queries';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { SimulationResult } from './simulation-result';
import { StoredEventPicker } from './stored-event-picker';


interface Props {
  registry: RegistryDto;
  initialSource?: string;
  initialType?: string;
  /** The editor's current text, read when simulating. */
  workflow?: () => string;
  /** Show only this workflow's result (the editor's dialog). */
  only?: string;
}

export function SimulateForm({ registry, initialSource, initialType, workflow, only }: Props) {
  const { source, setSource, types, type, setType, payload, setPayload } = useEventDraft(registry, initialSource, initialType);
  const simulate = useSimulate();
  const [headerText, setHeaderText] = useState('');
  const headers = parseHeaderLines(headerText);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!source || !type.trim() || !headers.ok) return;
    simulate.mutate({ source, type: type.trim(), payloadText: payload, headers: headers.headers, ...(workflow && { workflow: workflow() }) });
  };

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-col gap-4" data-testid="sim-form">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field label="Source">
            {(ids) => (
              <Select {...ids} value={source} onChange={(e) => setSource(e.target.value)} data-testid="sim-source">
                {registry.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.name} ({s.key})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Event type">
            {(ids) => (
              <>
                <Input {...ids} list="sim-type-options" className="font-mono" value={type} onChange={(e) => setType(e.target.value)} data-testid="sim-type" />
                <datalist id="sim-type-options">
                  {types.map((t) => (
                    <option key={t.type} value={t.type}>
                      {t.description}
                    </option>
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        <StoredEventPicker source={source} type={type.trim()} onPick={(picked) => { setPayload(picked.payload); setHeaderText(picked.headers); }} />
        <Field label="Payload (JSON)" hint="Prefilled from the type's sample payload when it has one.">
          {(ids) => <Textarea {...ids} rows={10} className="font-mono text-xs" spellCheck={false} value={payload} onChange={(e) => setPayload(e.target.value)} data-testid="sim-payload" />}
        </Field>
        <Field
          label="Headers (optional)"
          hint="One per line, as Name: value. Filters and parameters read them as event.headers, with names in lower case."
          error={headers.ok ? undefined : headers.error}
        >
          {(ids) => (
            <Textarea {...ids} rows={3} className="font-mono text-xs" spellCheck={false} placeholder="X-GitHub-Event: push" value={headerText}
              onChange={(e) => setHeaderText(e.target.value)} data-testid="sim-headers" />
          )}
        </Field>
        <div>
          <Button type="submit" variant="primary" disabled={simulate.isPending || !source || !type.trim() || !headers.ok} data-testid="sim-run">
            <FlaskConical aria-hidden /> {simulate.isPending ? 'Simulating…' : 'Simulate'}
          </Button>
        </div>
      </form>
      {simulate.isError && (
        <p className="text-sm text-danger" role="alert" data-testid="sim-error">
          {errorMessage(simulate.error)}
        </p>
      )}
      {simulate.data && <SimulationResult result={simulate.data} only={only} />}
    </div>
  );
}
