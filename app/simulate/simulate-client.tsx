'use client';

import { useRegistry } from '@/lib/queries';
import { SimulateForm } from '@/components/simulate/simulate-form';
import { Card, CardBody } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function SimulateClient({ source, type }: { source: string; type: string }) {
  const registry = useRegistry();
  return (
    <>
      <PageHeader
        title="Simulate"
        description="See what would happen if an event arrived now: which workflows start, how their filters decide, and what each step would be given. Nothing is stored, queued or sent."
      />
      <Card className="max-w-4xl">
        <CardBody>
          {registry.isPending ? (
            <SkeletonRows rows={5} label="Loading sources" />
          ) : registry.isError ? (
            <ErrorState error={registry.error} onRetry={() => registry.refetch()} title="Could not load sources" />
          ) : (
            <SimulateForm key={`${source}/${type}`} registry={registry.data} initialSource={source} initialType={type} />
          )}
        </CardBody>
      </Card>
    </>
  );
}
