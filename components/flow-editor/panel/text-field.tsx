'use client';

// A text input that commits to the store as you type (one undo step per burst of typing) and
// re-syncs when the value changes elsewhere (undo, the YAML tab).
import { useEffect, useState } from 'react';
import { Field, Input, Textarea } from '@/components/ui/field';

interface Props {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  error?: string | null;
  multiline?: boolean;
  mono?: boolean;
  placeholder?: string;
  /** Commit only on blur or Enter (for renames, which rewrite references). */
  commitOnBlur?: boolean;
  testId?: string;
}

export function TextField({ label, value, onChange, hint, error, multiline, mono, placeholder, commitOnBlur, testId }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = (v: string) => v !== value && onChange(v);
  const common = {
    value: text,
    placeholder,
    'data-testid': testId,
    className: mono ? 'font-mono text-xs' : undefined,
    onChange: (e: { target: { value: string } }) => {
      setText(e.target.value);
      if (!commitOnBlur) commit(e.target.value);
    },
    onBlur: () => commitOnBlur && commit(text),
  };
  return (
    <Field label={label} hint={hint} error={error}>
      {(ids) =>
        multiline ? (
          <Textarea {...ids} {...common} rows={2} />
        ) : (
          <Input {...ids} {...common} onKeyDown={(e) => e.key === 'Enter' && commitOnBlur && commit(text)} />
        )
      }
    </Field>
  );
}
