// Writes one audit entry for a change. Call it inside the transaction that makes the change (pass
// `tx`), so a change is never committed without its entry, nor an entry without its change.
import type { Principal } from '../auth/principal';
import type { Db, Tx } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { insertAuditEntry } from '../repositories/audit';
import { sanitizeAuditValue } from './sanitize';

export type AuditAction =
  | 'workflow.publish'
  | 'workflow.options'
  | 'workflow.options'
  | 'source.create'
  | 'source.update'
  | 'secret.set'
  | 'secret.delete'
  | 'user.create'
  | 'user.update'
  | 'user.disable'
  | 'user.enable'
  | 'user.sessions.revoke'
  | 'token.create'
  | 'token.revoke'
  | 'run.cancel'
  | 'run.rerun'
  | 'run.resume'
  | 'event.replay'
  | 'approval.decide'
  | 'train.start'
  | 'train.derail'
  | 'pipeline.publish'
  | 'feature.create'
  | 'feature.update'
  | 'subscription.create'
  | 'subscription.update'
  | 'subscription.delete';

export type AuditRecord = {
  actor: Principal;
  action: AuditAction;
  subjectType: 'workflow' | 'source' | 'secret' | 'user' | 'token' | 'run' | 'event' | 'pipeline' | 'train' | 'feature' | 'subscription';
  subjectId: string;
  before?: unknown;
  after?: unknown;
};

const json = (v: unknown) => (v === undefined || v === null ? undefined : (sanitizeAuditValue(v) as Prisma.InputJsonValue));

export async function recordAudit(client: Db | Tx, r: AuditRecord): Promise<void> {
  await insertAuditEntry(client, {
    // The provisioning principal (seed, scripts) is Railyard itself, not a person or a token.
    actorKind: r.actor.id === 'system' && !r.actor.userId ? 'system' : r.actor.kind === 'token' && !r.actor.userId ? 'token' : 'user',
    actorId: r.actor.userId ?? r.actor.id,
    actorName: r.actor.name,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    before: json(r.before),
    after: json(r.after),
  });
}
