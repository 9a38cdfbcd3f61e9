// Reading the audit trail. Viewers may read it (the role table: "read events, runs, workflows ...
// audit"): entries carry names and markers, never secret values, so nothing is hidden per role.
import { auditEntrySchema, auditQuerySchema, type AuditEntryDto } from '@/engine/dto/audit';
import { authorize, type Actor } from '../auth/authorize';
import { badRequest } from '../errors';
import { queryAuditEntries } from '../repositories/audit';

export async function listAuditEntries(actor: Actor, input: unknown): Promise<AuditEntryDto[]> {
  authorize(actor, 'read');
  const q = auditQuerySchema.parse(input);
  const from = q.from ? new Date(q.from) : undefined;
  const to = q.to ? new Date(q.to) : undefined;
  if (from && to && from > to) throw badRequest('from must be before to');
  const rows = await queryAuditEntries({ ...q, from, to });
  // Parsed through the DTO schema so a new column never reaches the browser unnoticed.
  return rows.map((r) =>
    auditEntrySchema.parse({
      id: r.id,
      at: r.at.toISOString(),
      actor: { kind: r.actorKind, id: r.actorId, name: r.actorName },
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      before: r.before,
      after: r.after,
    }),
  );
}
