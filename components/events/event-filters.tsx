'use client';

// Source/type filters. They live in the URL (?source=&type=) so a filtered feed can be shared;
// the page passes the current values in and we replace the URL on change.
import { X } from 'lucide-react';
import { usePathname, useRouter } from 'next/navigation';
import { useRegistry } from '@/lib/queries';
import { withQuery } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';

export function EventFilters({ source, type }: { source: string; type: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const registry = useRegistry();
  const sources = registry.data ?? [];
  const types = sources.find((s) => s.key === source)?.eventTypes ?? sources.flatMap((s) => s.eventTypes);
  const typeNames = [...new Set(types.map((t) => t.type))].sort();

  const go = (next: { source?: string; type?: string }) =>
    router.replace(withQuery(pathname, { source, type, ...next }), { scroll: false });

  return (
    <div role="search" aria-label="Filter events" className="flex flex-wrap items-center gap-2">
      <Select
        aria-label="Source"
        value={source}
        onChange={(e) => go({ source: e.target.value, type: '' })}
        className="w-44"
        data-testid="filter-source"
      >
        <option value="">All sources</option>
        {sources.map((s) => (
          <option key={s.key} value={s.key}>
            {s.name} ({s.key})
          </option>
        ))}
        {source && !sources.some((s) => s.key === source) && <option value={source}>{source}</option>}
      </Select>
      <Input
        aria-label="Event type"
        placeholder="All types"
        list="event-type-options"
        defaultValue={type}
        key={type} // reset the draft when the URL changes (e.g. "Clear")
        // Picking a suggestion applies at once; free text applies on Enter or when leaving the field.
        onChange={(e) => typeNames.includes(e.target.value) && e.target.value !== type && go({ type: e.target.value })}
        onKeyDown={(e) => e.key === 'Enter' && go({ type: e.currentTarget.value.trim() })}
        onBlur={(e) => e.currentTarget.value.trim() !== type && go({ type: e.currentTarget.value.trim() })}
        className="w-56 font-mono text-xs"
        data-testid="filter-type"
      />
      <datalist id="event-type-options">
        {typeNames.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {(source || type) && (
        <Button size="sm" variant="ghost" onClick={() => router.replace(pathname, { scroll: false })}>
          <X aria-hidden /> Clear filters
        </Button>
      )}
    </div>
  );
}
