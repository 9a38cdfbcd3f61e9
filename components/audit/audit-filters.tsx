'use client';

// Filters for the audit trail, kept in the URL. Text fields apply on submit (Enter or the button),
// not on every keystroke; times are entered in local time and sent as ISO timestamps.
import { X } from 'lucide-react';
import { usePathname, useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { AUDIT_SUBJECT_TYPES } from '@/engine/dto/audit';
import { withQuery } from '@/lib/api';
import type { AuditFilters as Filters } from '@/lib/audit';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';

const toLocal = (iso?: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function AuditFilters({ value }: { value: Filters }) {
  const router = useRouter();
  const pathname = usePathname();
  const [draft, setDraft] = useState({ ...value, from: toLocal(value.from), to: toLocal(value.to) });
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    router.replace(withQuery(pathname, { ...draft, from: toIso(draft.from ?? ''), to: toIso(draft.to ?? '') }), { scroll: false });
  };
  const active = Object.values(value).some(Boolean);

  return (
    <form role="search" aria-label="Filter the audit trail" onSubmit={apply} className="flex flex-wrap items-end gap-2">
      <Input aria-label="Actor" placeholder="Who (name)" value={draft.actor ?? ''} onChange={set('actor')} className="w-36" />
      <Select aria-label="Subject type" value={draft.subjectType ?? ''} onChange={set('subjectType')} className="w-32">
        <option value="">All subjects</option>
        {AUDIT_SUBJECT_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </Select>
      <Input aria-label="Subject id" placeholder="Subject (name or id)" value={draft.subjectId ?? ''} onChange={set('subjectId')} className="w-44" />
      <Input aria-label="Action" placeholder='Action, e.g. "source."' value={draft.action ?? ''} onChange={set('action')} className="w-40" />
      <Input aria-label="From" type="datetime-local" value={draft.from ?? ''} onChange={set('from')} className="w-48" />
      <Input aria-label="To" type="datetime-local" value={draft.to ?? ''} onChange={set('to')} className="w-48" />
      <Button type="submit" size="sm">
        Apply
      </Button>
      {active && (
        <Button size="sm" variant="ghost" onClick={() => router.replace(pathname, { scroll: false })}>
          <X aria-hidden /> Clear filters
        </Button>
      )}
    </form>
  );
}
