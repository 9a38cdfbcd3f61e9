'use client';

// The count next to "Approvals" in the navigation: steps waiting on the signed-in person.
import { useApprovalInbox } from '@/lib/approvals';

export function ApprovalsBadge() {
  const q = useApprovalInbox();
  const n = q.data?.length ?? 0;
  if (n === 0) return null;
  return (
    <span
      className="ml-auto rounded-full bg-accent px-1.5 text-[11px] leading-4 font-medium text-accent-fg"
      aria-label={`${n} waiting for you`}
      data-testid="approvals-count"
    >
      {n}
    </span>
  );
}
