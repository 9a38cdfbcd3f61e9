'use client';

// The panel beside the canvas: what is selected, as a form (never inside the node). A step shows
// its id, description, parameters, condition, retry and timeout; an edge its condition; the
// trigger its event and filter; nothing selected, the workflow's own settings.
import { Trash2 } from 'lucide-react';
import { lookupAction } from '@/engine/actions/definition';
import { parseEdgeId, TRIGGER_ID } from '@/engine/workflow/graph-model';
import { EDGE_CONDITIONS } from '@/engine/workflow/schema';
import type { ActionInfo } from '@/lib/queries';
import { Button } from '@/components/ui/button';
import { Segmented } from '@/components/ui/segmented';
import { useEditor, useEditorStore } from './editor-context';
import { RetryFields } from './panel/retry-fields';
import { TextField } from './panel/text-field';
import { ExpressionField } from './expression/expression-field';
import { ParamsForm } from './params/params-form';

export function SidePanel({ actions, readOnly, isNew }: { actions: readonly ActionInfo[]; readOnly?: boolean; isNew?: boolean }) {
  const selection = useEditor((s) => s.selection);
  const only = selection.length === 1 ? selection[0] : null;
  return (
    <aside className="flex h-full min-h-0 flex-col overflow-y-auto border-l border-border bg-surface" aria-label="Selected element" data-testid="side-panel">
      <fieldset disabled={readOnly} className="contents">
        {only === null ? (
          selection.length > 1 ? <MultiPanel ids={selection} /> : <WorkflowPanel isNew={isNew} />
        ) : only === TRIGGER_ID ? (
          <TriggerPanel />
        ) : parseEdgeId(only) ? (
          <EdgePanel id={only} />
        ) : (
          <StepPanel stepId={only} actions={actions} />
        )}
      </fieldset>
    </aside>
  );
}

function PanelHeader({ title, subtitle, onDelete }: { title: string; subtitle?: string; onDelete?: () => void }) {
  return (
    <div className="flex items-start justify-between gap-2 border-b border-border px-4 py-3">
      <div className="min-w-0">
        <h2 className="truncate text-sm font-semibold">{title}</h2>
        {subtitle && <p className="mt-0.5 text-xs text-muted">{subtitle}</p>}
      </div>
      {onDelete && (
        <Button size="icon" variant="ghost" aria-label="Delete" onClick={onDelete}>
          <Trash2 aria-hidden />
        </Button>
      )}
    </div>
  );
}

function StepPanel({ stepId, actions }: { stepId: string; actions: readonly ActionInfo[] }) {
  const store = useEditorStore();
  const step = useEditor((s) => s.stepsById.get(stepId));
  const issues = useEditor((s) => s.issuesByStep.get(stepId));
  const known = useEditor((s) => (step ? lookupAction(s.catalog, step.action) : undefined));
  if (!step) return <PanelHeader title="Nothing selected" />;
  const info = actions.find((a) => a.id === step.action);
  const dispatch = store.getState().dispatch;
  const fieldError = (f: string) => issues?.find((i) => i.field === f)?.message ?? null;
  return (
    <>
      <PanelHeader title={known?.title ?? step.action} subtitle={info?.description ?? (known ? undefined : `unknown action "${step.action}"`)} onDelete={() => dispatch({ op: 'remove-steps', ids: [stepId] })} />
      <div className="flex flex-col gap-4 px-4 py-3">
        <TextField
          label="Step id"
          value={step.id}
          mono
          commitOnBlur
          testId="step-id"
          hint="Expressions refer to steps.<id>; renaming rewrites them."
          error={fieldError('id')}
          onChange={(to) => {
            if (!dispatch({ op: 'rename-step', from: stepId, to })) return;
          }}
        />
        <TextField
          label="Description"
          value={step.description}
          multiline
          hint="Why this step exists: it is the process documentation."
          onChange={(v) => dispatch({ op: 'update-step', id: stepId, patch: { description: v } }, { coalesce: `${stepId}.description` })}
        />
        <section>
          <h3 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">Parameters</h3>
          <ParamsForm stepId={stepId} action={info} />
        </section>
        <section className="flex flex-col gap-3">
          <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">When and how</h3>
          <ExpressionField
            label="Run only if"
            value={step.if ?? ''}
            stepId={stepId}
            placeholder='e.g. event.payload.ref = "refs/heads/main"'
            hint="JSONata over { event, steps, vars, run }; the step is skipped when it is false."
            error={fieldError('if')}
            testId="step-if"
            onChange={(v) => dispatch({ op: 'update-step', id: stepId, patch: { if: v.trim() === '' ? undefined : v } }, { coalesce: `${stepId}.if` })}
          />
          <RetryFields stepId={stepId} />
        </section>
      </div>
    </>
  );
}

function EdgePanel({ id }: { id: string }) {
  const store = useEditorStore();
  const ends = parseEdgeId(id)!;
  const on = useEditor((s) => s.stepsById.get(ends.target)?.needsOn?.[ends.source] ?? 'success');
  return (
    <>
      <PanelHeader title={`${ends.source} → ${ends.target}`} subtitle="Runs the second step after the first one ends this way." onDelete={() => store.getState().dispatch({ op: 'disconnect', from: ends.source, to: ends.target })} />
      <div className="px-4 py-3">
        <Segmented
          label="Condition"
          value={on}
          options={EDGE_CONDITIONS.map((c) => ({ value: c, label: `on ${c}` }))}
          onChange={(c) => store.getState().dispatch({ op: 'set-condition', from: ends.source, to: ends.target, on: c })}
        />
      </div>
    </>
  );
}

function TriggerPanel() {
  const store = useEditorStore();
  const trigger = useEditor((s) => s.definition.trigger);
  // Select a string, not a filtered array: a new array per read makes React re-render forever (#185).
  const filterError = useEditor((s) => s.issues.find((i) => i.path === 'trigger.filter')?.message ?? null);
  const set = (patch: Partial<typeof trigger>, key: string) => store.getState().dispatch({ op: 'set-trigger', trigger: patch }, { coalesce: `trigger.${key}` });
  return (
    <>
      <PanelHeader title="Trigger" subtitle="The event that starts this workflow." />
      <div className="flex flex-col gap-3 px-4 py-3">
        <TextField label="Source" value={trigger.source} mono testId="trigger-source" onChange={(v) => set({ source: v }, 'source')} />
        <TextField label="Event type" value={trigger.type} mono testId="trigger-type" onChange={(v) => set({ type: v }, 'type')} />
        <ExpressionField
          label="Filter"
          value={trigger.filter ?? ''}
          placeholder='e.g. event.payload.build.status = "SUCCESS"'
          hint="JSONata over { event }; the workflow runs only when it is true."
          error={filterError}
          testId="trigger-filter"
          onChange={(v) => set({ filter: v.trim() === '' ? undefined : v }, 'filter')}
        />
      </div>
    </>
  );
}

/** Workflow settings; only a new workflow's name is editable (a published one is known by its name). */
function WorkflowPanel({ isNew }: { isNew?: boolean }) {
  const store = useEditorStore();
  const def = useEditor((s) => s.definition);
  const nameError = useEditor((s) => s.issues.find((i) => i.path === 'name')?.message ?? null);
  const ownerError = useEditor((s) => s.issues.find((i) => i.path === 'owner')?.message ?? null);
  return (
    <>
      <PanelHeader title={def.name} subtitle="Workflow settings. Select a step, an edge or the trigger to edit it." />
      <div className="flex flex-col gap-3 px-4 py-3">
        {isNew && (
          <TextField
            label="Name"
            value={def.name}
            mono
            commitOnBlur
            testId="workflow-name"
            hint="Lower-case letters, digits and -; it names the workflow in URLs and the CLI."
            error={nameError}
            onChange={(v) => store.getState().dispatch({ op: 'set-workflow', patch: { name: v.trim() } })}
          />
        )}
        <TextField
          label="Description"
          value={def.description}
          multiline
          hint="What this workflow is for; shown in the process documentation."
          onChange={(v) => store.getState().dispatch({ op: 'set-workflow', patch: { description: v } }, { coalesce: 'workflow.description' })}
        />
        <TextField
          label="Owner"
          value={def.owner ?? ''}
          commitOnBlur
          testId="workflow-owner"
          hint="The person or team to ask about it (e.g. team-payments); shown on its page and in the docs."
          error={ownerError}
          onChange={(v) => store.getState().dispatch({ op: 'set-workflow', patch: { owner: v.trim() === '' ? undefined : v.trim() } })}
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={def.enabled} onChange={(e) => store.getState().dispatch({ op: 'set-workflow', patch: { enabled: e.target.checked } })} />
          Enabled (runs when its event arrives)
        </label>
      </div>
    </>
  );
}

function MultiPanel({ ids }: { ids: string[] }) {
  const store = useEditorStore();
  const steps = ids.filter((id) => id !== TRIGGER_ID && !parseEdgeId(id));
  return (
    <>
      <PanelHeader title={`${ids.length} selected`} subtitle="Copy with Ctrl+C, paste with Ctrl+V, delete with Delete." />
      {steps.length > 0 && (
        <div className="px-4 py-3">
          <Button variant="danger" onClick={() => store.getState().dispatch({ op: 'remove-steps', ids: steps })}>
            <Trash2 aria-hidden /> Delete {steps.length} step{steps.length === 1 ? '' : 's'}
          </Button>
        </div>
      )}
    </>
  );
}
