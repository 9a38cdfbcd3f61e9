// The audit trail's only Prisma caller. Entries are inserted, never updated or deleted: there is
// deliberately no such function here, and a database trigger refuses both anyway.
import type { Prisma } from '../db/generated/client';
import { db, type Db, type Tx } from '../db/client';

export type AuditInsert = Prisma.AuditEntryUncheckedCreateInput;

/** Inserts through the caller's transaction when there is one, so the entry commits with the change. */
export const insertAuditEntry = (client: Db | Tx, data: AuditInsert) => client.auditEntry.create({ data });

export type AuditFilter = {
  /** Matches the actor's name (case-insensitive, partial) or exact id. */
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  /** Exact action, or a prefix ending in "." (e.g. "source.") for a family. */
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  /** Id of the last entry of the previous page. */
  before?: string;
};

export function queryAuditEntries(f: AuditFilter) {
  const where: Prisma.AuditEntryWhereInput = {
    ...(f.actor && { OR: [{ actorName: { contains: f.actor, mode: 'insensitive' } }, { actorId: f.actor }] }),
    ...(f.subjectType && { subjectType: f.subjectType }),
    ...(f.subjectId && { subjectId: f.subjectId }),
    ...(f.action && { action: f.action.endsWith('.') ? { startsWith: f.action } : f.action }),
    ...((f.from || f.to) && { at: { ...(f.from && { gte: f.from }), ...(f.to && { lte: f.to }) } }),
  };
  return db().auditEntry.findMany({
    where,
    // id breaks ties between entries written in the same millisecond, so paging never skips one.
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: f.limit,
    ...(f.before && { cursor: { id: f.before }, skip: 1 }),
  });
}
