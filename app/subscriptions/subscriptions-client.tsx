'use client';

import { BellRing, Plus } from 'lucide-react';
import { useState } from 'react';
import { useCan } from '@/lib/me';
import type { SubscriptionDto, Target } from '@/lib/subscription-dto';
import { useSubscriptions } from '@/lib/subscription-queries';
import { NewSubscriptionTarget } from '@/components/subscriptions/new-target';
import { SubscriptionDialog } from '@/components/subscriptions/subscription-dialog';
import { SubscriptionRow } from '@/components/subscriptions/subscription-row';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function SubscriptionsClient() {
  const q = useSubscriptions();
  const isEditor = useCan('workflows.publish');
  const [editing, setEditing] = useState<SubscriptionDto | null>(null);
  const [picking, setPicking] = useState(false);
  const [newTarget, setNewTarget] = useState<Target | null>(null);
  const mine = q.data?.filter((s) => !s.team) ?? [];
  const team = q.data?.filter((s) => s.team) ?? [];

  const list = (subs: SubscriptionDto[]) => (
    <ul className="divide-y divide-border">
      {subs.map((s) => <SubscriptionRow key={s.id} sub={s} onEdit={() => setEditing(s)} />)}
    </ul>
  );
  return (
    <>
      <PageHeader
        title="Subscriptions"
        description="The events, workflows and release pipelines you follow, how often you hear about them, and what was sent."
        actions={
          <Button variant="primary" size="sm" onClick={() => setPicking(true)} data-testid="new-subscription">
            <Plus aria-hidden /> New subscription
          </Button>
        }
      />
      {q.isPending ? (
        <Card><SkeletonRows label="Loading subscriptions" /></Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load subscriptions" />
      ) : (
        <div className="flex flex-col gap-4">
          <Card data-testid="my-subscriptions">
            <CardHeader title="Mine" description="Sent to you, or to the addresses and channels you chose." />
            {mine.length ? list(mine) : (
              <EmptyState icon={BellRing} title="You follow nothing yet">
                Press <strong>Subscribe</strong> on an event type in the Registry, a workflow, a pipeline or a train, or add one here.
                Pick &ldquo;failures only&rdquo; or &ldquo;status changes only&rdquo; to hear about what matters without drowning.
              </EmptyState>
            )}
          </Card>
          {(isEditor || team.length > 0) && (
            <Card data-testid="team-subscriptions">
              <CardHeader title="Team channels" description="Posted to a shared channel; editors manage them." />
              {team.length ? list(team) : <p className="px-4 py-6 text-center text-sm text-muted">No team subscription yet: tick &ldquo;Team subscription&rdquo; in the form.</p>}
            </Card>
          )}
        </div>
      )}
      <NewSubscriptionTarget open={picking} onClose={() => setPicking(false)} onPick={(t) => { setPicking(false); setNewTarget(t); }} />
      {newTarget && <SubscriptionDialog open target={newTarget} onClose={() => setNewTarget(null)} />}
      {editing && <SubscriptionDialog open subscription={q.data?.find((s) => s.id === editing.id) ?? editing} onClose={() => setEditing(null)} />}
    </>
  );
}
