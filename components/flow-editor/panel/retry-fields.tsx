'use client';

// Retry policy and timeout of a step.
import { Field, Input, Select } from '@/components/ui/field';
import { useEditor, useEditorStore } from '../editor-context';

export function RetryFields({ stepId }: { stepId: string }) {
  const store = useEditorStore();
  const step = useEditor((s) => s.stepsById.get(stepId));
  if (!step) return null;
  const retry = step.retry;
  const update = (patch: Parameters<EditorDispatchPatch>[0]) => store.getState().dispatch({ op: 'update-step', id: stepId, patch }, { coalesce: `${stepId}.retry` });
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field label="Attempts" hint="1 = no retry">
        {(ids) => (
          <Input
            {...ids}
            type="number"
            min={1}
            max={20}
            value={retry?.attempts ?? 1}
            data-testid="step-attempts"
            onChange={(e) => {
              const attempts = Math.max(1, Math.min(20, Number(e.target.value) || 1));
              update({ retry: attempts === 1 ? undefined : { attempts, backoff: retry?.backoff ?? 'fixed', delayMs: retry?.delayMs ?? 1000 } });
            }}
          />
        )}
      </Field>
      <Field label="Backoff">
        {(ids) => (
          <Select {...ids} disabled={!retry} value={retry?.backoff ?? 'fixed'} onChange={(e) => retry && update({ retry: { ...retry, backoff: e.target.value as 'fixed' | 'exponential' } })}>
            <option value="fixed">fixed</option>
            <option value="exponential">exponential</option>
          </Select>
        )}
      </Field>
      <Field label="Delay (ms)">
        {(ids) => <Input {...ids} type="number" min={0} disabled={!retry} value={retry?.delayMs ?? 1000} onChange={(e) => retry && update({ retry: { ...retry, delayMs: Math.max(0, Number(e.target.value) || 0) } })} />}
      </Field>
      <Field label="Timeout (ms)" hint="empty = default">
        {(ids) => (
          <Input
            {...ids}
            type="number"
            min={1}
            value={step.timeoutMs ?? ''}
            data-testid="step-timeout"
            onChange={(e) => update({ timeoutMs: e.target.value === '' ? undefined : Math.max(1, Math.floor(Number(e.target.value))) })}
          />
        )}
      </Field>
    </div>
  );
}

type EditorDispatchPatch = (patch: Partial<{ retry: { attempts: number; backoff: 'fixed' | 'exponential'; delayMs: number } | undefined; timeoutMs: number | undefined }>) => void;
