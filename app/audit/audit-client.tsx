'use client';

import { ScrollText } from 'lucide-react';
import { useAudit, type AuditFilters as Filters } from '@/lib/audit';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function AuditClient({ filters }: { filters: Filters }) {
  const q = useAudit(filters);
  const entries = q.data?.pages.flat() ?? [];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change to workflows, sources, secrets, people and tokens, and every run operation and approval. Entries cannot be edited or deleted."
      />
      <div className="mb-3">
        {/* Keyed by the URL's filters, so Clear and back/forward reset the form. */}
        <AuditFilters key={JSON.stringify(filters)} value={filters} />
      </div>
      <Card>
        {q.isPending ? (
          <SkeletonRows label="Loading the audit trail" />
        ) : q.isError ? (
          <div className="p-4">
            <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load the audit trail" />
          </div>
        ) : entries.length === 0 ? (
          <EmptyState icon={ScrollText} title={filtered ? 'No entries match these filters' : 'No changes recorded yet'}>
            {filtered ? 'Try clearing the filters.' : 'Publishing a workflow or changing a source writes the first entry.'}
          </EmptyState>
        ) : (
          <>
            <AuditTable entries={entries} />
            {q.hasNextPage && (
              <div className="flex justify-center border-t border-border p-2">
                <Button size="sm" variant="ghost" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>
                  {q.isFetchingNextPage ? 'Loading…' : 'Load older entries'}
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </>
  );
}
