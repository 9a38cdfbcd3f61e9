'use client';

import { can } from '@/engine/auth/roles';
import { useMe } from '@/lib/me';
import { useRegistry } from '@/lib/queries';
import { SendEventForm } from '@/components/send/send-event-form';
import { Card, CardBody } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function SendClient({ source, type }: { source: string; type: string }) {
  const registry = useRegistry();
  const me = useMe();
  // Sending from here acts as you (events.send, editor and above); others see why not.
  const mayNot = me.data && !can(me.data.role, 'events.send');
  return (
    <>
      <PageHeader
        title="Send event"
        description="Post an event by hand, exactly as a tool or script would. Handy for trying a workflow."
      />
      <Card className="max-w-4xl">
        <CardBody>
          {mayNot ? (
            <p className="text-sm text-muted" data-testid="send-forbidden">
              Sending events by hand needs the editor role; your role is {me.data?.role}.
            </p>
          ) : registry.isPending ? (
            <SkeletonRows rows={5} label="Loading sources" />
          ) : registry.isError ? (
            <ErrorState error={registry.error} onRetry={() => registry.refetch()} title="Could not load sources" />
          ) : (
            // Keyed so a link to /send?source=&type= from elsewhere re-initialises the form.
            <SendEventForm key={`${source}/${type}`} registry={registry.data} initialSource={source} initialType={type} />
          )}
        </CardBody>
      </Card>
    </>
  );
}
