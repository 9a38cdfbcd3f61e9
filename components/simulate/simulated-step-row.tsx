'use client';

// One step of a simulated workflow: would it run (or why not), its `if`, and its parameters as
// they would be resolved. Stand-ins («secret NAME», «steps.X.outputs.Y») are shown as they are.
import type { SimulatedStep } from '@/engine/dto/simulate';
import { Tag } from '@/components/ui/tag';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));

export function SimulatedStepRow({ step }: { step: SimulatedStep }) {
  const params = Object.entries(step.params);
  return (
    <li className="rounded-md border border-border bg-surface-2/40 p-3" data-testid={`sim-step-${step.id}`} data-would-run={step.wouldRun}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm font-medium text-fg">{step.id}</span>
        <Tag mono>{step.action}</Tag>
        {step.wouldRun ? <Tag tone="success">would run</Tag> : <Tag tone="warning">skipped</Tag>}
      </div>
      {step.description && <p className="mt-1 text-xs text-muted">{step.description}</p>}
      {step.reason && (
        <p className="mt-1 text-xs text-fg" data-testid="sim-step-reason">
          {step.reason}
        </p>
      )}
      {step.condition && (
        <p className="mt-1 text-xs text-muted">
          if <code className="font-mono text-fg">{step.condition.expression}</code> →{' '}
          <span className="font-mono">{step.condition.error ?? (step.condition.result === null ? 'decided at run time' : String(step.condition.result))}</span>
        </p>
      )}
      {params.length > 0 && (
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
          {params.map(([field, value]) => (
            <div key={field} className="contents" data-testid={`sim-param-${step.id}-${field}`}>
              <dt className="font-mono text-muted">{field}</dt>
              <dd className="min-w-0 font-mono break-all whitespace-pre-wrap text-fg">{show(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {step.problems?.map((p) => (
        <p key={p.field} className="mt-1 text-xs text-danger" role="alert">
          {p.field}: {p.message}
        </p>
      ))}
    </li>
  );
}
