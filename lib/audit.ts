// The audit trail (GET /api/audit), newest first; older pages load with `before=<last id>`.
import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { auditEntrySchema } from '@/engine/dto/audit';
import { apiGet, withQuery } from './api';

export const AUDIT_PAGE = 50;

export interface AuditFilters {
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  action?: string;
  /** ISO timestamps. */
  from?: string;
  to?: string;
}

export function useAudit(f: AuditFilters) {
  const filters = Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as AuditFilters;
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) =>
      apiGet(withQuery('/api/audit', { ...filters, limit: AUDIT_PAGE, before: pageParam }), z.array(auditEntrySchema), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.length >= AUDIT_PAGE ? last[last.length - 1]?.id : undefined),
  });
}
