'use client';

// The step's parameters as a form generated from the action's param JSON Schema (GET /api/actions,
// `z.toJSONSchema(schema, {io: 'input'})`): field-kind.ts picks each input. Every edit sets the whole
// top-level param through the store, coalesced per param so one burst of typing is one undo step.
import { useEditor, useEditorStore } from '../editor-context';
import type { ActionInfo } from '@/lib/queries';
import { describeParams, type JsonSchema } from './field-kind';
import { ParamField } from './param-field';

export function ParamsForm({ stepId, action }: { stepId: string; action: ActionInfo | undefined }) {
  const store = useEditorStore();
  const step = useEditor((s) => s.stepsById.get(stepId));
  const issues = useEditor((s) => s.issuesByStep.get(stepId));
  if (!step) return null;
  const fields = describeParams(action?.params as JsonSchema | undefined, Object.keys(step.with));
  if (fields.length === 0) return <p className="text-xs text-muted" data-testid="params-form">This action takes no parameters.</p>;
  const ctx = { stepId, issues };
  return (
    <div className="flex flex-col gap-4" data-testid="params-form">
      {fields.map((f) => (
        <ParamField
          key={`${stepId}.${f.key}`}
          name={f.key}
          required={f.required}
          field={f.field}
          value={step.with[f.key]}
          path={`with.${f.key}`}
          testId={`param-${f.key}`}
          ctx={ctx}
          onChange={(value) => store.getState().dispatch({ op: 'set-param', id: stepId, key: f.key, value }, { coalesce: `${stepId}.with.${f.key}` })}
        />
      ))}
    </div>
  );
}
