// The approvals inbox (GET /api/approvals). Approval steps change through the run's live stream,
// not through a message of their own, so the inbox refreshes on a slow timer and right after a
// decision made from this browser.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { approvalItemSchema } from '@/engine/dto/approvals';
import { apiGet } from './api';

export const approvalsKey = ['approvals'] as const;

export function useApprovalInbox() {
  return useQuery({
    queryKey: approvalsKey,
    queryFn: ({ signal }) => apiGet('/api/approvals', z.array(approvalItemSchema), signal),
    refetchInterval: 30_000,
  });
}

/** Call after a decision: the decided step leaves this person's inbox. */
export function useRefreshApprovals() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: approvalsKey });
}
