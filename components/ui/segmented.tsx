'use client';

import { cn } from '@/lib/cn';

interface SegmentedProps<T extends string> {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
}

/** A small two-or-three-way view switch (e.g. Pretty / Raw), exposed as a radio group. */
export function Segmented<T extends string>({ label, value, options, onChange }: SegmentedProps<T>) {
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex rounded-md border border-border bg-surface-2 p-0.5">
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          onClick={() => onChange(o.value)}
          className={cn(
            'h-6 rounded px-2 text-xs font-medium text-muted',
            value === o.value && 'bg-surface text-fg shadow-xs',
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
