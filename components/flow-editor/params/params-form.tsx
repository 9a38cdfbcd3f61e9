'use client';

// The step's parameters as a form generated from the action's JSON Schema.
// (Placeholder: one JSON/text field per param; see params/README in the editor issue.)
import { useEditor, useEditorStore } from '../editor-context';
import { TextField } from '../panel/text-field';
import type { ActionInfo } from '@/lib/queries';

type JsonSchema = { properties?: Record<string, { description?: string; type?: string }>; required?: string[] };

export function ParamsForm({ stepId, action }: { stepId: string; action: ActionInfo | undefined }) {
  const store = useEditorStore();
  const step = useEditor((s) => s.stepsById.get(stepId));
  const issues = useEditor((s) => s.issuesByStep.get(stepId));
  if (!step) return null;
  const schema = (action?.params ?? {}) as JsonSchema;
  const keys = [...new Set([...Object.keys(schema.properties ?? {}), ...Object.keys(step.with)])];
  return (
    <div className="flex flex-col gap-3" data-testid="params-form">
      {keys.map((key) => {
        const prop = schema.properties?.[key];
        const value = step.with[key];
        const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
        const error = issues?.find((i) => i.field === `with.${key}` || i.field?.startsWith(`with.${key}.`))?.message ?? null;
        return (
          <TextField
            key={key}
            label={`${key}${schema.required?.includes(key) ? ' *' : ''}`}
            hint={prop?.description}
            value={text}
            error={error}
            mono
            testId={`param-${key}`}
            onChange={(v) => {
              let next: unknown = v === '' ? undefined : v;
              if (prop?.type && prop.type !== 'string' && v !== '') {
                try {
                  next = JSON.parse(v);
                } catch {
                  next = v;
                }
              }
              store.getState().dispatch({ op: 'set-param', id: stepId, key, value: next }, { coalesce: `${stepId}.with.${key}` });
            }}
          />
        );
      })}
    </div>
  );
}
