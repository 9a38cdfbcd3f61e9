'use client';

import { Inbox } from 'lucide-react';
import { useApprovalInbox } from '@/lib/approvals';
import { ApprovalCard } from '@/components/approvals/approval-card';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function ApprovalsClient() {
  const q = useApprovalInbox();
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Steps waiting for your decision. Runs you started yourself are left to someone else (no self-approval)."
      />
      {q.isPending ? (
        <Card>
          <SkeletonRows rows={3} label="Loading approvals" />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load approvals" />
      ) : q.data.length === 0 ? (
        <Card>
          <EmptyState icon={Inbox} title="Nothing waits for you">
            When a workflow asks for an approval you may give, it appears here.
          </EmptyState>
        </Card>
      ) : (
        <div className="flex flex-col gap-3">
          {q.data.map((item) => (
            <ApprovalCard key={`${item.runId}/${item.stepId}`} item={item} />
          ))}
        </div>
      )}
    </>
  );
}
