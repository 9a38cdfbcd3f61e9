// Role-matrix entries for the subscription routes (issue 12), spread into matrixEntries(). Every
// signed-in person (any role, session or personal token) manages their own subscriptions, so each
// allowed call gets a fresh subscription owned by the caller; refused (anonymous) calls one of the viewer's.
import { db } from '@/server/db/client';
import type { Person } from '../../support/people';
import type { Caller, Entry, MatrixContext, Subject } from './role-matrix-entries';

async function subscriptionOf(person: Person): Promise<string> {
  const row = await db().subscription.create({
    data: { ownerId: person.id, target: { kind: 'workflow', name: 'boom' }, targetKey: 'workflow:boom', policy: 'failures', channels: [{ id: 'email:owner', kind: 'email' }] },
  });
  return row.id;
}

export function subscriptionMatrixEntries(ctx: MatrixContext): Record<string, Entry> {
  const own = async (c: Caller) => subscriptionOf(c.person ?? ctx.people().viewer);
  const on = async (c: Caller, body?: unknown): Promise<Subject> => ({ params: { id: await own(c) }, body });
  return {
    'GET /api/subscriptions': { access: 'role', min: 'viewer' },
    'POST /api/subscriptions': {
      access: 'role', min: 'viewer',
      subject: async () => ({ body: { target: { kind: 'workflow', name: 'hold' }, policy: 'changes', channels: [{ kind: 'email' }] } }),
    },
    'PATCH /api/subscriptions/[id]': { access: 'role', min: 'viewer', subject: (c) => on(c, { muted: true }) },
    'DELETE /api/subscriptions/[id]': { access: 'role', min: 'viewer', subject: (c) => on(c) },
    'POST /api/subscriptions/[id]/preview': {
      access: 'role', min: 'viewer',
      subject: async (c) => on(c, { eventId: (await db().run.findFirstOrThrow({ where: { event: { type: 'boom' } } })).eventId }),
    },
    'GET /api/subscriptions/[id]/deliveries': { access: 'role', min: 'viewer', subject: (c) => on(c) },
  };
}
