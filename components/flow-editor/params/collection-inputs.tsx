'use client';

// Nested values: an object with known properties as a fieldset of fields, a record
// (`additionalProperties`) as key/value rows, an array as rows with add and remove. Each row's
// value is drawn by the caller (`renderValue`), so rows get the same fixed/expression toggle.
import { Plus, X } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { emptyValue, type FieldDescriptor, type ObjectField } from './field-kind';
import { duplicateKeys, recordToRows, rowsToRecord, type Row } from './value-convert';

export type RenderValue = (p: { field: FieldDescriptor; value: unknown; onChange: (v: unknown) => void; path: string; label: string; testId: string }) => ReactNode;
export type RenderField = (p: { name: string; required: boolean; field: FieldDescriptor; value: unknown; onChange: (v: unknown) => void; path: string; testId: string }) => ReactNode;

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
/** An emptied collection is "not set", so the action's default applies again. */
const orUnset = <T extends object>(v: T): T | undefined => (Object.keys(v).length === 0 ? undefined : v);

export function ObjectInput({ fields, value, onChange, path, testId, renderField }: { fields: ObjectField[]; value: unknown; onChange: (v: unknown) => void; path: string; testId: string; renderField: RenderField }) {
  const obj = asObject(value);
  return (
    <div className="flex flex-col gap-3 rounded-md border border-border p-2.5" role="group" data-testid={`${testId}-fields`}>
      {fields.map((f) =>
        renderField({
          name: f.key,
          required: f.required,
          field: f.field,
          value: obj[f.key],
          path: `${path}.${f.key}`,
          testId: `${testId}-${f.key}`,
          onChange: (v) => {
            const next = { ...obj };
            if (v === undefined) delete next[f.key];
            else next[f.key] = v;
            onChange(orUnset(next));
          },
        }),
      )}
    </div>
  );
}

export function RecordInput({ field, value, onChange, path, testId, renderValue }: { field: FieldDescriptor & { kind: 'record' }; value: unknown; onChange: (v: unknown) => void; path: string; testId: string; renderValue: RenderValue }) {
  // Rows are local: a row whose key is still empty (or typed twice) is kept while you type it.
  const [rows, setRows] = useState<Row[]>(() => recordToRows(value));
  const committed = useRef(JSON.stringify(value ?? {}));
  useEffect(() => {
    const text = JSON.stringify(value ?? {});
    if (text === committed.current) return;
    committed.current = text;
    setRows(recordToRows(value));
  }, [value]);
  const update = (next: Row[]) => {
    setRows(next);
    const record = rowsToRecord(next);
    committed.current = JSON.stringify(record);
    onChange(orUnset(record));
  };
  const dupes = duplicateKeys(rows);
  return (
    <div className="flex flex-col gap-1.5" data-testid={`${testId}-rows`}>
      {rows.map((row, i) => (
        <div key={i} className="flex items-start gap-1.5">
          <Input aria-label={`Key ${i + 1}`} className="w-1/3 font-mono text-xs" value={row.key} placeholder="key" aria-invalid={dupes.has(row.key) || undefined} onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))} data-testid={`${testId}-key-${i}`} />
          <div className="min-w-0 flex-1">
            {renderValue({ field: field.value, value: row.value, path: `${path}.${row.key}`, label: `Value of ${row.key || `row ${i + 1}`}`, testId: `${testId}-value-${i}`, onChange: (v) => update(rows.map((r, j) => (j === i ? { ...r, value: v } : r))) })}
          </div>
          <Button size="icon" variant="ghost" aria-label={`Remove ${row.key || `row ${i + 1}`}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
            <X aria-hidden />
          </Button>
        </div>
      ))}
      {dupes.size > 0 && <p className="text-xs text-danger">Key {[...dupes].map((k) => `"${k}"`).join(', ')} appears twice; only the first counts.</p>}
      <Button size="sm" variant="ghost" className="self-start" onClick={() => update([...rows, { key: '', value: emptyValue(field.value) }])} data-testid={`${testId}-add`}>
        <Plus aria-hidden /> Add entry
      </Button>
    </div>
  );
}

export function ArrayInput({ field, value, onChange, path, testId, renderValue }: { field: FieldDescriptor & { kind: 'array' }; value: unknown; onChange: (v: unknown) => void; path: string; testId: string; renderValue: RenderValue }) {
  const items = Array.isArray(value) ? value : [];
  const set = (next: unknown[]) => onChange(next.length === 0 ? undefined : next);
  return (
    <div className="flex flex-col gap-1.5" data-testid={`${testId}-items`}>
      {items.map((item, i) => (
        <div key={i} className="flex items-start gap-1.5">
          <div className="min-w-0 flex-1">
            {renderValue({ field: field.items, value: item, path: `${path}.${i}`, label: `Item ${i + 1}`, testId: `${testId}-item-${i}`, onChange: (v) => set(items.map((x, j) => (j === i ? v : x))) })}
          </div>
          <Button size="icon" variant="ghost" aria-label={`Remove item ${i + 1}`} onClick={() => set(items.filter((_, j) => j !== i))}>
            <X aria-hidden />
          </Button>
        </div>
      ))}
      <Button size="sm" variant="ghost" className="self-start" onClick={() => set([...items, emptyValue(field.items)])} data-testid={`${testId}-add`}>
        <Plus aria-hidden /> Add item
      </Button>
    </div>
  );
}
