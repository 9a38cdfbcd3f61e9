// Self-approval is judged on whoever caused the run, including the person or token that sent its
// event through the API (Event.sentBy); approvers are named by user id or email, never by display
// name, so renaming yourself after someone on the list gains nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as userPatch } from '@/app/api/users/[id]/route';
import { POST as decisionPost } from '@/app/api/runs/[id]/steps/[stepId]/decision/route';
import { GET as inboxGet } from '@/app/api/approvals/route';
import { db } from '@/server/db/client';
import { admin, closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { callRoute } from '../../support/http';
import { createPerson, sessionHeaders, type Person } from '../../support/people';

let workers: Workers;
let eddie: Person, rita: Person, alice: Person, mallory: Person;
beforeAll(async () => {
  await resetState();
  workers = await startTestWorkers();
  eddie = await createPerson('editor', 'eddie');
  rita = await createPerson('releaser', 'rita');
  alice = await createPerson('releaser', 'alice');
  mallory = await createPerson('releaser', 'mallory');
});
afterAll(() => closeAll(workers));

async function flow(name: string, params = '') {
  const yaml = `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${name} }\nsteps:\n  - { id: ask, action: approval.request, with: { message: "Ship?"${params} } }\n`;
  expect((await publishYaml(yaml)).status).toBe(201);
}
/** Posts an event (with the given credentials) and waits for its run's approval step. */
async function runOf(type: string, headers: Record<string, string>, auth = false) {
  const res = await postEvent('generic', type, {}, headers, { auth });
  expect(res.status).toBe(202);
  return waitFor(async () => (await db().stepRun.findFirst({ where: { stepId: 'ask', status: 'waiting', run: { eventId: res.body.id } } }))?.runId, 15_000, 'a waiting approval');
}
const decide = (headers: Record<string, string>, runId: string) =>
  callRoute(decisionPost, `/api/runs/${runId}/steps/ask/decision`, { id: runId, stepId: 'ask' }, { method: 'POST', headers, body: { approve: true } });
const inInbox = async (who: Person, runId: string) =>
  ((await callRoute(inboxGet, '/api/approvals', {}, { headers: who.headers })).body as { runId: string }[]).some((i) => i.runId === runId);

describe('the sender of an API event', () => {
  it('cannot approve the run it caused (personal token), and the event records them', async () => {
    await flow('sent');
    const runId = await runOf('sent', eddie.headers);
    const event = await db().event.findFirstOrThrow({ where: { runs: { some: { id: runId } } } });
    expect(event.sentBy).toBe(eddie.id);
    const self = await decide(eddie.headers, runId);
    expect(self.status).toBe(403);
    expect(self.body.error).toMatch(/you sent the event that started run #\d+.*no self-approval/);
    expect(await inInbox(eddie, runId)).toBe(false);
    expect((await decide(rita.headers, runId)).body.outcome).toBe('approved');
  });

  it('cannot approve through their session either, after sending with it', async () => {
    const cookie = await sessionHeaders(eddie);
    const runId = await runOf('sent', cookie);
    expect((await decide(cookie, runId)).status).toBe(403);
    expect((await decide(eddie.headers, runId)).status).toBe(403);
  });

  it('a webhook (the source’s own credential) has no sender, so anyone listed may decide', async () => {
    const runId = await runOf('sent', {}, true);
    expect((await db().event.findFirstOrThrow({ where: { runs: { some: { id: runId } } } })).sentBy).toBeNull();
    expect((await decide(eddie.headers, runId)).body.outcome).toBe('approved');
  });
});

describe('named approvers', () => {
  it('a person renamed to a listed name is no approver; the listed person (by email or id) is', async () => {
    // The list names Alice by display name (matches nobody), by email and by id.
    await flow('named', `, approvers: ["Alice", "${alice.email}", "${alice.id}"]`);
    const renamed = await callRoute(userPatch, `/api/users/${mallory.id}`, { id: mallory.id }, { method: 'PATCH', headers: admin, body: { name: 'Alice' } });
    expect(renamed.status).toBe(200);
    const runId = await runOf('named', {}, true);
    const refused = await decide(mallory.headers, runId);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/only by/);
    expect(await inInbox(mallory, runId)).toBe(false);
    expect(await inInbox(alice, runId)).toBe(true);
    expect((await decide(alice.headers, runId)).body.outcome).toBe('approved');
  });

  it('a list naming only a display name admits nobody by it', async () => {
    await flow('by-display-name', ', approvers: ["rita"]');
    const runId = await runOf('by-display-name', {}, true);
    expect((await decide(rita.headers, runId)).status).toBe(403);
  });
});
