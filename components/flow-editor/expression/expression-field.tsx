'use client';

// A labelled condition field (a step's `if`, the trigger filter): bare JSONata in the expression
// editor, with its hint, validation error and a server-side preview of what it evaluates to.
import { useId } from 'react';
import { ExpressionEditor } from './expression-editor';
import { PreviewPanel } from './preview-panel';

interface Props {
  label: string;
  value: string;
  onChange: (v: string) => void;
  stepId?: string;
  hint?: string;
  error?: string | null;
  placeholder?: string;
  testId?: string;
}

export function ExpressionField({ label, value, onChange, stepId, hint, error, placeholder, testId }: Props) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5" data-testid={testId}>
      <span id={`${id}-label`} className="text-xs font-medium text-fg">
        {label}
      </span>
      <ExpressionEditor value={value} onChange={onChange} mode="expression" stepId={stepId} label={label} describedBy={`${id}-hint ${id}-err`} placeholder={placeholder} testId={testId && `${testId}-expr`} />
      {hint && <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p>}
      {error && <p id={`${id}-err`} className="text-xs text-danger">{error}</p>}
      {value.trim() !== '' && <PreviewPanel text={value} mode="expression" stepId={stepId} testId={testId && `${testId}-preview`} />}
    </div>
  );
}
