// No process a shell.run step started survives the step, through the real executor: cancelling
// the run (API), the step's own timeout, and SIGTERM to the real worker process (its graceful
// shutdown aborts the handler; the exit hook kills whatever is left). The command records its
// process group and a background grandchild; the kernel's process table (/proc) is the judge.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as cancelPost } from '@/app/api/runs/[id]/cancel/route';
import { db } from '@/server/db/client';
import { groupGone, groupMembers, isRunning, waitForFile } from '@/server/actions/testing/process-tree';
import { admin, closeAll, getRun, isFinished, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../support/harness';
import { callRoute } from '../support/http';
import { startWorkerProcess, stopAllWorkerProcesses } from '../support/worker-process';

const workspaces = await mkdtemp(join(tmpdir(), 'ry-orphans-'));
process.env.RAILYARD_WORKSPACE_DIR = workspaces;
process.env.RAILYARD_STEP_LEASE_MS = '3000'; // the heartbeat (a third of it) is what notices a cancel

// The shell writes its group id and the background sleep's pid into the run's workspace.
const TREE = 'echo $$ > $RAILYARD_WORKSPACE/pgid; sleep 300 & echo $! > $RAILYARD_WORKSPACE/bg.pid; sleep 300';
const wf = (type: string, extra = '') => `apiVersion: railyard/v1
kind: Workflow
name: ${type.replace('.', '-')}
trigger: { source: generic, type: ${type} }
steps:
  - id: tree
    action: shell.run
    with: { command: "${TREE}" }
${extra}`;

let workers: Workers | undefined;
beforeAll(async () => {
  await resetState();
  for (const y of [wf('orphans.cancel'), wf('orphans.timeout', '    timeoutMs: 800'), wf('orphans.sigterm')]) {
    const res = await publishYaml(y);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterEach(() => stopAllWorkerProcesses());
afterAll(async () => {
  await closeAll(workers);
  await rm(workspaces, { recursive: true, force: true });
});

async function started(eventId: string) {
  const run = await waitFor(async () => (await db().run.findFirst({ where: { eventId } })) ?? undefined, 15_000, 'the run');
  const dir = join(workspaces, run.id);
  const pgid = Number(await waitForFile(join(dir, 'pgid'), 15_000));
  const bg = Number(await waitForFile(join(dir, 'bg.pid'), 15_000));
  expect(groupMembers(pgid).length).toBeGreaterThanOrEqual(3); // sh, the background and the foreground sleep
  return { runId: run.id, pgid, bg };
}

describe('shell.run through the executor', () => {
  it('cancelling the run kills the whole process group', async () => {
    workers = await startTestWorkers();
    const sent = await postEvent('generic', 'orphans.cancel', {});
    const { runId, pgid, bg } = await started(sent.body.id);
    expect((await callRoute(cancelPost, `/api/runs/${runId}/cancel`, { id: runId }, { method: 'POST', headers: admin })).status).toBe(200);
    expect(await groupGone(pgid, 15_000)).toBe(true); // the heartbeat notices the cancel, then SIGTERM
    expect(isRunning(bg)).toBe(false);
  });

  it('the step timeout kills the whole process group and fails the step', async () => {
    const sent = await postEvent('generic', 'orphans.timeout', {});
    const { runId, pgid, bg } = await started(sent.body.id);
    const run = await waitFor(async () => { const r = await getRun(runId); return isFinished(r) && r; }, 15_000, 'the run to fail');
    expect(run.steps[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/timed out/) });
    expect(await groupGone(pgid)).toBe(true);
    expect(isRunning(bg)).toBe(false);
    await workers!.stop();
    workers = undefined;
  });

  it('SIGTERM to the real worker process kills the group of the step it was running', async () => {
    const worker = await startWorkerProcess({ RAILYARD_WORKSPACE_DIR: workspaces, RAILYARD_SHUTDOWN_GRACE_MS: '500' });
    const sent = await postEvent('generic', 'orphans.sigterm', {});
    const { pgid, bg } = await started(sent.body.id);
    await worker.stop(20_000);
    expect(worker.output.join('\n')).toMatch(/\[worker\] stopped/); // a graceful exit, not the test's SIGKILL
    expect(await groupGone(pgid)).toBe(true);
    expect(isRunning(bg)).toBe(false);
  });
});
