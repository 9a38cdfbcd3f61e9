'use client';

// Status/workflow filters for the runs list, kept in the URL (?status=&workflow=).
import { X } from 'lucide-react';
import { usePathname, useRouter } from 'next/navigation';
import { RUN_STATUSES } from '@/engine/run/status';
import { withQuery } from '@/lib/api';
import { useRegistry } from '@/lib/queries';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';

export function RunFilters({ status, workflow }: { status: string; workflow: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const registry = useRegistry();
  const workflows = [
    ...new Set((registry.data ?? []).flatMap((s) => s.eventTypes.flatMap((t) => t.workflows.map((w) => w.name)))),
  ].sort();
  if (workflow && !workflows.includes(workflow)) workflows.unshift(workflow);

  const go = (next: { status?: string; workflow?: string }) =>
    router.replace(withQuery(pathname, { status, workflow, ...next }), { scroll: false });

  return (
    <div role="search" aria-label="Filter runs" className="flex flex-wrap items-center gap-2">
      <Select aria-label="Status" value={status} onChange={(e) => go({ status: e.target.value })} className="w-40" data-testid="filter-status">
        <option value="">All statuses</option>
        {RUN_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s[0]?.toUpperCase() + s.slice(1)}
          </option>
        ))}
      </Select>
      <Select aria-label="Workflow" value={workflow} onChange={(e) => go({ workflow: e.target.value })} className="w-56" data-testid="filter-workflow">
        <option value="">All workflows</option>
        {workflows.map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </Select>
      {(status || workflow) && (
        <Button size="sm" variant="ghost" onClick={() => router.replace(pathname, { scroll: false })}>
          <X aria-hidden /> Clear filters
        </Button>
      )}
    </div>
  );
}
