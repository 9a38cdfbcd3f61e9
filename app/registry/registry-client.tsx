'use client';

import { Download, Library, Plus } from 'lucide-react';
import { useState } from 'react';
import { useCan } from '@/lib/me';
import { useRegistry } from '@/lib/queries';
import { SourceCard } from '@/components/registry/source-card';
import { SourceForm } from '@/components/registry/source-form';
import { Button, ButtonLink, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function RegistryClient() {
  const q = useRegistry();
  const [adding, setAdding] = useState(false);
  const canAdd = useCan('sources.manage');
  const canDraw = useCan('workflows.publish');
  const addButton = (
    <>
      {/* The whole registry as one YAML file (no secrets), for review in git; `railyard import` or POST /api/import reads it back. */}
      <a href="/api/export" download="railyard-registry.yaml" className={buttonClass('ghost', 'sm')} data-testid="export-registry">
        <Download aria-hidden /> Export
      </a>
      {canDraw && (
        <ButtonLink href="/workflows/new" size="sm" data-testid="new-workflow">
          <Plus aria-hidden /> New workflow
        </ButtonLink>
      )}
      {canAdd && (
        <Button variant="primary" size="sm" onClick={() => setAdding(true)} data-testid="add-source">
          <Plus aria-hidden /> Add source
        </Button>
      )}
    </>
  );
  return (
    <>
      <PageHeader
        title="Registry"
        description="Which systems send events, which events they send, and what happens when each one arrives."
        actions={addButton}
      />
      {q.isPending ? (
        <Card>
          <SkeletonRows label="Loading registry" />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load the registry" />
      ) : q.data.length === 0 ? (
        <Card>
          <EmptyState icon={Library} title="No sources yet">
            <p>
              A source is a system that sends events: GitHub, Jenkins, Jira or your own deploy script. Add one, give its
              secret to the sending tool, and its events will show up here.
            </p>
            <div className="mt-4">{addButton}</div>
          </EmptyState>
        </Card>
      ) : (
        <div className="flex flex-col gap-4">
          {q.data.map((s) => (
            <SourceCard key={s.key} source={s} />
          ))}
        </div>
      )}
      <Dialog open={adding} onClose={() => setAdding(false)} title="Add a source" description="Register a system that sends events to Railyard.">
        {adding && <SourceForm onDone={() => setAdding(false)} />}
      </Dialog>
    </>
  );
}
