'use client';

// Send an event by hand: pick a source and a type (known or new), edit the payload (prefilled
// from the type's sample), and POST it exactly as a tool would.
import { RefreshCw, Send } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { RegistryDto } from '@/engine/dto/registry';
import { useEventDraft } from './use-event-draft';
import { useOrigin } from '@/lib/use-origin';
import { Button } from '@/components/ui/button';
import { CodeBlock } from '@/components/ui/code-block';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { curlFor } from './curl-snippet';
import { SendResult } from './send-result';
import { useSendEvent } from './use-send-event';


function jsonError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return `Not valid JSON: ${(e as Error).message}`;
  }
}

export function SendEventForm({ registry, initialSource, initialType }: { registry: RegistryDto; initialSource: string; initialType: string }) {
  const origin = useOrigin();
  const { source, pickSource, types, type, setType, payload, setPayload } = useEventDraft(registry, initialSource, initialType);
  const [idemKey, setIdemKey] = useState('');
  const send = useSendEvent();

  const jsonErr = jsonError(payload);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (jsonErr || !source || !type) return;
    send.mutate({ source, type: type.trim(), body: payload, idempotencyKey: idemKey.trim() || undefined });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" data-testid="send-form">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Source" hint={registry.length === 0 ? 'No sources registered yet: add one in the registry first.' : undefined}>
          {(ids) => (
            <Select {...ids} name="source" required value={source} onChange={(e) => pickSource(e.target.value)} data-testid="send-source">
              {registry.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name} ({s.key})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Event type" hint="Pick a known type or type a new one (it will show as unregistered).">
          {(ids) => (
            <>
              <Input {...ids} name="type" required list="send-type-options" className="font-mono" value={type} onChange={(e) => setType(e.target.value)} placeholder="build-finished" data-testid="send-type" />
              <datalist id="send-type-options">
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
      <Field label="Payload (JSON)" error={jsonErr}>
        {(ids) => <Textarea {...ids} name="payload" rows={14} spellCheck={false} value={payload} onChange={(e) => setPayload(e.target.value)} data-testid="send-payload" />}
      </Field>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Idempotency-Key (optional)" hint="Sending twice with the same key stores the event once.">
          {(ids) => (
            <div className="flex gap-2">
              <Input {...ids} name="idempotencyKey" className="font-mono" value={idemKey} onChange={(e) => setIdemKey(e.target.value)} data-testid="send-idempotency-key" />
              <Button onClick={() => setIdemKey(crypto.randomUUID())} aria-label="Generate an idempotency key" title="Generate">
                <RefreshCw aria-hidden />
              </Button>
            </div>
          )}
        </Field>
      </div>
      <div className="flex items-center justify-end gap-3">
        <Button type="submit" variant="primary" disabled={send.isPending || Boolean(jsonErr) || !source || !type.trim()} data-testid="send-submit">
          <Send aria-hidden /> {send.isPending ? 'Sending…' : 'Send event'}
        </Button>
      </div>
      {send.data && <SendResult outcome={send.data} />}
      <details className="text-sm">
        <summary className="cursor-pointer text-muted hover:text-fg">Same request with curl</summary>
        <CodeBlock className="mt-2" label="bash" code={curlFor(origin, source || '<source>', type || '<type>', jsonErr ? payload : JSON.stringify(JSON.parse(payload)), idemKey || undefined)} />
      </details>
    </form>
  );
}
