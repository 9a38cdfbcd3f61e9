'use client';

// One param (or nested property): label, required mark, the fixed/expression toggle, the input
// for its type, hint (description, default), its validation errors, and in expression mode the
// CodeMirror editor with a server-side preview. A value holding `{{` opens in expression mode.
import { Braces, Type } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { WorkflowIssue } from '@/engine/workflow/validate';
import { cn } from '@/lib/cn';
import { ExpressionEditor } from '../expression/expression-editor';
import { PreviewPanel } from '../expression/preview-panel';
import { ArrayInput, ObjectInput, RecordInput, type RenderField, type RenderValue } from './collection-inputs';
import { issuesAt } from './field-issues';
import type { FieldDescriptor } from './field-kind';
import { ChoiceInput, JsonInput, NumberInput, StringInput, type InputProps } from './fixed-inputs';
import { defaultLabel, fromExpressionText, isExpressionValue, toExpressionText } from './value-convert';

type Ctx = { stepId: string; issues: readonly WorkflowIssue[] | undefined };
type Mode = 'fixed' | 'expression';

/** Expression mode follows the value (`{{` inside), or the toggle while the text has none yet. */
function useValueMode(field: FieldDescriptor, value: unknown, onChange: (v: unknown) => void) {
  const [forced, setForced] = useState<Mode | null>(null);
  const focusEditor = useRef(false);
  const mode: Mode = isExpressionValue(value) ? 'expression' : (forced ?? 'fixed');
  const toggle = () => {
    if (mode === 'fixed') {
      setForced('expression');
      if (value !== undefined) onChange(toExpressionText(value));
    } else {
      setForced('fixed');
      onChange(fromExpressionText(typeof value === 'string' ? value : toExpressionText(value), field));
    }
    focusEditor.current = mode === 'fixed';
  };
  // Typing `{{` into a fixed text input switches to the editor; keep the caret there.
  const change = (v: unknown) => {
    if (mode === 'fixed' && isExpressionValue(v)) focusEditor.current = true;
    onChange(v);
  };
  return { mode, toggle, change, focusEditor };
}

function ModeToggle({ mode, onToggle, label, testId }: { mode: Mode; onToggle: () => void; label: string; testId: string }) {
  const expr = mode === 'expression';
  return (
    <button
      type="button"
      aria-pressed={expr}
      aria-label={`${label}: ${expr ? 'expression' : 'fixed value'} (switch)`}
      title={expr ? 'Expression ({{ }} template) — switch to a fixed value' : 'Fixed value — switch to an expression'}
      onClick={onToggle}
      data-testid={`${testId}-mode`}
      className={cn('inline-flex size-6 shrink-0 items-center justify-center rounded border border-transparent text-muted hover:border-border hover:text-fg focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none', expr && 'border-border bg-accent-soft text-accent')}
    >
      {expr ? <Braces aria-hidden className="size-3.5" /> : <Type aria-hidden className="size-3.5" />}
    </button>
  );
}

const MULTILINE_KEYS = new Set(['text', 'html', 'message', 'command', 'script', 'content', 'body']);

function FixedInput(p: InputProps & { required: boolean; path: string; ctx: Ctx; name: string }) {
  const f = p.field;
  const renderValue: RenderValue = (r) => <ValueControl key={r.path} {...r} ctx={p.ctx} />;
  const renderField: RenderField = (r) => <ParamField key={r.path} {...r} ctx={p.ctx} />;
  switch (f.kind) {
    case 'string':
      return <StringInput {...p} multiline={MULTILINE_KEYS.has(p.name)} />;
    case 'number':
      return <NumberInput {...p} />;
    case 'enum':
    case 'boolean':
      return <ChoiceInput {...p} />;
    case 'object':
      return <ObjectInput fields={f.fields} value={p.value} onChange={p.onChange} path={p.path} testId={p.testId ?? p.path} renderField={renderField} />;
    case 'record':
      return <RecordInput field={f} value={p.value} onChange={p.onChange} path={p.path} testId={p.testId ?? p.path} renderValue={renderValue} />;
    case 'array':
      return <ArrayInput field={f} value={p.value} onChange={p.onChange} path={p.path} testId={p.testId ?? p.path} renderValue={renderValue} />;
    case 'json':
      return <JsonInput {...p} />;
  }
}

const childPaths = (field: FieldDescriptor, path: string, value: unknown): string[] => {
  if (field.kind === 'object') return field.fields.map((f) => `${path}.${f.key}`);
  if (field.kind === 'record' && value && typeof value === 'object') return Object.keys(value).map((k) => `${path}.${k}`);
  if (field.kind === 'array' && Array.isArray(value)) return value.map((_, i) => `${path}.${i}`);
  return [];
};

type FieldProps = { name: string; required: boolean; field: FieldDescriptor; value: unknown; onChange: (v: unknown) => void; path: string; testId: string; ctx: Ctx };

export function ParamField({ name, required, field, value, onChange, path, testId, ctx }: FieldProps) {
  const id = useId();
  const { mode, toggle, change, focusEditor } = useValueMode(field, value, onChange);
  const errors = issuesAt(ctx.issues, path, mode === 'fixed' ? childPaths(field, path, value) : []);
  const hint = [field.description, defaultLabel(field)].filter(Boolean).join(' · ');
  const describedBy = `${id}-hint ${id}-err`;
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="flex flex-col gap-1" data-testid={`${testId}-field`} data-kind={field.kind} data-mode={mode}>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="truncate font-mono text-xs font-medium text-fg">
          {name}
          {required && <span className="ml-0.5 text-danger" title="required">*</span>}
        </label>
        <ModeToggle mode={mode} onToggle={toggle} label={name} testId={testId} />
      </div>
      {mode === 'expression' ? (
        <ExpressionEditor value={text} onChange={(t) => onChange(t === '' ? undefined : t)} mode="template" stepId={ctx.stepId} label={name} id={id} describedBy={describedBy} autoFocus={focusEditor.current} testId={`${testId}-expr`} placeholder="text with {{ expression }}" />
      ) : (
        <FixedInput field={field} value={value} onChange={change} ids={{ id, 'aria-describedby': describedBy, 'aria-invalid': errors.length > 0 || undefined }} required={required} path={path} ctx={ctx} name={name} testId={testId} placeholder={field.hasDefault && typeof field.default !== 'object' ? String(field.default) : undefined} />
      )}
      {hint && <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p>}
      <div id={`${id}-err`}>
        {errors.map((e) => (
          <p key={e} className="text-xs text-danger" data-testid={`${testId}-error`}>{e}</p>
        ))}
      </div>
      {mode === 'expression' && <PreviewPanel text={text} mode="template" stepId={ctx.stepId} testId={`${testId}-preview`} />}
    </div>
  );
}

/** A row's value (array item, record value): the input and its toggle, no label of its own. */
export function ValueControl({ field, value, onChange, path, label, testId, ctx }: { field: FieldDescriptor; value: unknown; onChange: (v: unknown) => void; path: string; label: string; testId: string; ctx: Ctx }) {
  const { mode, toggle, change, focusEditor } = useValueMode(field, value, onChange);
  const errors = issuesAt(ctx.issues, path, mode === 'fixed' ? childPaths(field, path, value) : []);
  return (
    <div className="flex flex-col gap-1" data-testid={`${testId}-field`} data-mode={mode}>
      <div className="flex items-start gap-1">
        <div className="min-w-0 flex-1">
          {mode === 'expression' ? (
            <ExpressionEditor value={typeof value === 'string' ? value : ''} onChange={(t) => onChange(t)} mode="template" stepId={ctx.stepId} label={label} autoFocus={focusEditor.current} testId={`${testId}-expr`} />
          ) : (
            <FixedInput field={field} value={value} onChange={change} ids={{ 'aria-label': label, 'aria-invalid': errors.length > 0 || undefined }} required={false} path={path} ctx={ctx} name="" testId={testId} />
          )}
        </div>
        <ModeToggle mode={mode} onToggle={toggle} label={label} testId={testId} />
      </div>
      {errors.map((e) => (
        <p key={e} className="text-xs text-danger">{e}</p>
      ))}
    </div>
  );
}
