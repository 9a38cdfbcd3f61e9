'use client';

// Inputs for fixed (literal) values of scalar and JSON fields. Number and JSON inputs keep what
// was typed while it does not parse, show why, and commit only values that parse; they re-sync
// when the value changes elsewhere (undo, the YAML tab).
import { useEffect, useState } from 'react';
import { Input, Select, Textarea } from '@/components/ui/field';
import type { FieldDescriptor } from './field-kind';
import { jsonText, orTemplate, parseJsonText, parseNumberText, type Parsed } from './value-convert';

export type InputProps = {
  field: FieldDescriptor;
  value: unknown;
  onChange: (v: unknown) => void;
  ids: { id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; 'aria-label'?: string };
  placeholder?: string;
  multiline?: boolean;
  testId?: string;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Text that parses into the value; kept as typed until it parses, re-synced on outside changes. */
function useParsedText(value: unknown, show: (v: unknown) => string, parse: (t: string) => Parsed, onChange: (v: unknown) => void) {
  const [text, setText] = useState(() => show(value));
  const parsed = parse(text);
  useEffect(() => {
    setText((t) => {
      const p = parse(t);
      return p.ok && same(p.value, value) ? t : show(value);
    });
    // Only an outside change of the value re-syncs (parse and show are stable per field).
  }, [value]);
  const edit = (t: string) => {
    setText(t);
    const p = parse(t);
    if (p.ok && !same(p.value, value)) onChange(p.value);
  };
  return { text, edit, error: parsed.ok ? null : parsed.error };
}

export function StringInput({ value, onChange, ids, placeholder, multiline, testId }: InputProps) {
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const set = (t: string) => onChange(t === '' ? undefined : t);
  return multiline ? (
    <Textarea {...ids} rows={3} value={text} placeholder={placeholder} data-testid={testId} className="font-sans text-sm" onChange={(e) => set(e.target.value)} />
  ) : (
    <Input {...ids} value={text} placeholder={placeholder} data-testid={testId} onChange={(e) => set(e.target.value)} />
  );
}

export function NumberInput({ field, value, onChange, ids, placeholder, testId }: InputProps) {
  const integer = field.kind === 'number' && field.integer;
  const { text, edit, error } = useParsedText(value, (v) => (typeof v === 'number' ? String(v) : ''), orTemplate((t) => parseNumberText(t, integer)), onChange);
  return (
    <>
      <Input {...ids} inputMode={integer ? 'numeric' : 'decimal'} value={text} placeholder={placeholder} data-testid={testId} aria-invalid={error ? true : ids['aria-invalid']} onChange={(e) => edit(e.target.value)} />
      {error && <p className="text-xs text-danger">{error}</p>}
    </>
  );
}

export function JsonInput({ value, onChange, ids, placeholder, testId }: InputProps) {
  const { text, edit, error } = useParsedText(value, jsonText, orTemplate(parseJsonText), onChange);
  return (
    <>
      <Textarea {...ids} rows={Math.min(8, Math.max(1, text.split('\n').length))} value={text} placeholder={placeholder ?? 'JSON, e.g. {"key": "value"}'} data-testid={testId} aria-invalid={error ? true : ids['aria-invalid']} onChange={(e) => edit(e.target.value)} spellCheck={false} />
      {error && <p className="text-xs text-danger" data-testid={testId && `${testId}-json-error`}>{error}</p>}
    </>
  );
}

/** Enum and boolean: a select whose first option is "not set" (the default applies) unless required. */
export function ChoiceInput({ field, value, onChange, ids, testId, required }: InputProps & { required: boolean }) {
  const options = field.kind === 'enum' ? field.options : [true, false];
  // Option values are the choices as text (unique for JSON Schema enums), so tests read `POST`, not an index.
  const chosen = options.find((o) => o === value);
  const unset = field.hasDefault ? `default (${String(field.default)})` : required ? 'choose…' : 'not set';
  return (
    <Select {...ids} value={chosen === undefined ? '' : String(chosen)} data-testid={testId} onChange={(e) => onChange(e.target.value === '' ? undefined : options.find((o) => String(o) === e.target.value))}>
      <option value="">— {unset} —</option>
      {options.map((o) => (
        <option key={String(o)} value={String(o)}>
          {String(o)}
        </option>
      ))}
    </Select>
  );
}
