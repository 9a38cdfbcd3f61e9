// Approval rules with real people: the approvers list (by role, by user id or email), `required`
// distinct approvers, no self-approval for whoever started the run (re-run, replay), viewers
// refused, and the inbox (GET /api/approvals) showing each person only what they may decide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as inboxGet } from '@/app/api/approvals/route';
import { POST as rerunPost } from '@/app/api/runs/[id]/rerun/route';
import { POST as decisionPost } from '@/app/api/runs/[id]/steps/[stepId]/decision/route';
import { POST as replayPost } from '@/app/api/replays/route';
import type { ApprovalItem } from '@/engine/dto/approvals';
import { db } from '@/server/db/client';
import { closeAll, getRun, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { callRoute } from '../../support/http';
import { createPerson, type Person } from '../../support/people';

let workers: Workers;
let rita: Person, rob: Person, eddie: Person, ada: Person, vic: Person;
beforeAll(async () => {
  await resetState();
  workers = await startTestWorkers();
  rita = await createPerson('releaser', 'rita');
  rob = await createPerson('releaser', 'rob');
  eddie = await createPerson('editor', 'eddie');
  ada = await createPerson('admin', 'ada');
  vic = await createPerson('viewer', 'vic');
});
afterAll(() => closeAll(workers));

async function approvalFlow(name: string, params: string) {
  const yaml = `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${name} }\nsteps:\n  - { id: ask, action: approval.request, with: { message: "Ship ${name}?", ${params} } }\n`;
  expect((await publishYaml(yaml)).status).toBe(201);
}
/** Waits until run `runId` (or the run of event `eventId`) has its approval step waiting. */
const waiting = (where: { runId?: string; eventId?: string }) =>
  waitFor(async () => {
    const step = await db().stepRun.findFirst({ where: { stepId: 'ask', status: 'waiting', ...(where.runId ? { runId: where.runId } : { run: { eventId: where.eventId } }) } });
    return step?.runId;
  }, 15_000, 'a waiting approval');
async function startFromEvent(type: string) {
  const { body } = await postEvent('generic', type, {});
  return { eventId: body.id as string, runId: await waiting({ eventId: body.id }) };
}
const decide = (who: Person, runId: string, approve = true, reason?: string) =>
  callRoute(decisionPost, `/api/runs/${runId}/steps/ask/decision`, { id: runId, stepId: 'ask' }, { method: 'POST', headers: who.headers, body: { approve, reason } });
const inbox = async (who: Person): Promise<ApprovalItem[]> => {
  const res = await callRoute(inboxGet, '/api/approvals', {}, { headers: who.headers });
  expect(res.status).toBe(200);
  return res.body;
};
const inInbox = async (who: Person, runId: string) => (await inbox(who)).some((i) => i.runId === runId);
const finished = (runId: string) => waitFor(async () => { const r = await getRun(runId); return ['succeeded', 'failed'].includes(r.status) && r; });

describe('approvers list', () => {
  it('a role name admits that role and above only', async () => {
    await approvalFlow('by-role', 'approvers: [editor]');
    const { runId } = await startFromEvent('by-role');
    const refused = await decide(rita, runId);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/only by: editor/);
    expect(await inInbox(rita, runId)).toBe(false);
    expect(await inInbox(ada, runId)).toBe(true);
    const item = (await inbox(eddie)).find((i) => i.runId === runId)!;
    expect(item).toMatchObject({ stepId: 'ask', message: 'Ship by-role?', required: 1, workflow: { name: 'by-role', version: 1 }, decisions: [], deadline: null });
    expect((await decide(eddie, runId, true, 'looks good')).body.outcome).toBe('approved');
    expect((await finished(runId)).status).toBe('succeeded');
  });

  it('user ids and emails admit those people; `required: 2` needs two distinct ones', async () => {
    await approvalFlow('by-name', `approvers: [${rita.id}, "${rob.email.toUpperCase()}"], required: 2, timeoutMs: 3600000`);
    const { runId } = await startFromEvent('by-name');
    expect((await decide(ada, runId)).status).toBe(403);
    expect((await inbox(rob)).find((i) => i.runId === runId)?.deadline).toEqual(expect.any(String));
    expect((await decide(rita, runId)).body.outcome).toBe('pending');
    const twice = await decide(rita, runId);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatch(/already decided/);
    expect(await inInbox(rita, runId)).toBe(false);
    const second = await decide(rob, runId);
    expect(second.body).toMatchObject({ outcome: 'approved', decisions: [{ by: 'rita' }, { by: 'rob' }] });
    expect((await finished(runId)).status).toBe('succeeded');
  });
});

describe('who may never decide', () => {
  it('the person who replayed or re-ran the event cannot approve their own run', async () => {
    await approvalFlow('self', '');
    const original = await startFromEvent('self');
    const replay = await callRoute(replayPost, '/api/replays', {}, { method: 'POST', headers: eddie.headers, body: { eventId: original.eventId, workflow: 'self' } });
    const replayed = await waiting({ runId: replay.body.runIds[0] });
    const self = await decide(eddie, replayed);
    expect(self.status).toBe(403);
    expect(self.body.error).toMatch(/you started run #\d+.*no self-approval/);
    expect(await inInbox(eddie, replayed)).toBe(false);
    expect(await inInbox(eddie, original.runId)).toBe(true); // a webhook run has no starter

    const rerun = await callRoute(rerunPost, `/api/runs/${original.runId}/rerun`, { id: original.runId }, { method: 'POST', headers: ada.headers });
    const rerunId = await waiting({ runId: rerun.body.id });
    expect((await decide(ada, rerunId)).status).toBe(403);
    expect((await decide(rita, rerunId)).body.outcome).toBe('approved');
    expect((await decide(rob, replayed, false, 'not today')).body.outcome).toBe('rejected');
    expect((await finished(replayed)).steps[0].error).toMatch(/rejected by rob: not today/);
  });

  it('a viewer gets 403 and an empty inbox', async () => {
    const { runId } = await startFromEvent('self');
    const res = await decide(vic, runId);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/releaser/);
    expect(await inbox(vic)).toEqual([]);
    expect((await callRoute(inboxGet, '/api/approvals')).status).toBe(401);
  });

  it('every decision is in the audit trail with its reason', async () => {
    const entries = await db().auditEntry.findMany({ where: { action: 'approval.decide' }, orderBy: { at: 'asc' } });
    expect(entries.map((e) => e.actorName)).toEqual(['eddie', 'rita', 'rob', 'rita', 'rob']);
    expect(entries[0].after).toMatchObject({ stepId: 'ask', approve: true, reason: 'looks good', outcome: 'approved' });
    expect(entries.at(-1)!.after).toMatchObject({ approve: false, reason: 'not today', outcome: 'rejected' });
  });
});
