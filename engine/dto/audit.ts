// Audit entries as the browser sees them (GET /api/audit). before/after are already sanitized when
// written (server/audit/sanitize.ts): no secret value is ever stored, so nothing needs masking here.
import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ kind: z.enum(['user', 'token', 'system']), id: z.string().nullable(), name: z.string() }),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const AUDIT_SUBJECT_TYPES = ['workflow', 'source', 'secret', 'user', 'token', 'run', 'event', 'pipeline', 'train', 'feature', 'subscription'] as const;

/** Query of GET /api/audit; `before` is the id of the last entry already shown (newest first). */
export const auditQuerySchema = z.object({
  actor: z.string().min(1).max(200).optional(),
  subjectType: z.enum(AUDIT_SUBJECT_TYPES).optional(),
  subjectId: z.string().min(1).max(300).optional(),
  action: z.string().regex(/^[a-z][a-z.-]*$/, 'action looks like "source.update" (or "source." for all source actions)').optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().min(1).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
