// The seeded demo release pipeline, for real: the demo seed on a clean database (its git repository
// with history, the shop-web pipeline, features, workflows, sandbox secrets), the sandbox process
// speaking Jira and Jenkins, the real worker process, and Railyard's webhook and deploy hook
// over HTTP. A releaser starts a train through the API; it reaches every station (the sandbox CI
// calling back moves it past Preproduction build), an admin approves the production gate (the
// starter may not), and the repository, the train's changelog and the sandbox's Jira show the work.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as hookPost } from '@/app/api/hooks/[source]/route';
import { POST as deployPost } from '@/app/api/demo/deploy/route';
import { GET as approvalsGet } from '@/app/api/approvals/route';
import { POST as decisionPost } from '@/app/api/runs/[id]/steps/[stepId]/decision/route';
import { provisionAdminToken } from '@/server/auth/tokens';
import { sharedRedis } from '@/server/queue/connection';
import { seedDemo } from '@/prisma/seed/demo';
import { DEMO_UNRELEASED } from '@/prisma/seed/demo-release/demo-repo';
import { resetDatabase } from '@/prisma/seed/helpers';
import { ADMIN_TOKEN, admin, closeAll, waitFor } from '../support/harness';
import { callRoute } from '../support/http';
import { createPeople, type Person } from '../support/people';
import { startRouteServer } from '../support/route-server';
import { startSandbox, type SandboxProcess } from '../support/sandbox-process';
import { startWorkerProcess, stopAllWorkerProcesses } from '../support/worker-process';
import { getTrain, listFeatures, startTrain } from './trains/trains-support';

let tmp: string;
let web: Awaited<ReturnType<typeof startRouteServer>>;
let sandbox: SandboxProcess;
let repository: string;
let people: Awaited<ReturnType<typeof createPeople>>;

// Generous: git clones and a worker process on two shared cores; the test waits, it never times.
const waitForStation = (id: string, key: string) =>
  waitFor(async () => {
    const t = (await getTrain(id)).body;
    return t.stations.find((s: { key: string; status: string }) => s.key === key)?.status === 'reached' ? t : undefined;
  }, 120_000, `station ${key} reached`);

const git = (...args: string[]) => execFileSync('git', ['-C', repository, ...args], { encoding: 'utf8' }).trim();

beforeAll(async () => {
  process.env.RAILYARD_ADMIN_TOKEN ??= ADMIN_TOKEN;
  await resetDatabase();
  await sharedRedis().flushdb();
  await provisionAdminToken(ADMIN_TOKEN);
  tmp = mkdtempSync(join(tmpdir(), 'railyard-demo-release-'));
  // Railyard's own HTTP endpoints the sandbox and the workflows call: the Jenkins webhook and the demo deploy hook.
  web = await startRouteServer({
    'POST /api/hooks/jenkins': (req) => hookPost(req, { params: Promise.resolve({ source: 'jenkins' }) }),
    'POST /api/hooks/jira': (req) => hookPost(req, { params: Promise.resolve({ source: 'jira' }) }),
    'POST /api/demo/deploy': (req) => deployPost(req, { params: Promise.resolve({}) }),
  });
  sandbox = await startSandbox({ RAILYARD_SANDBOX_CALLBACK_URL: web.url, RAILYARD_SANDBOX_START_MS: '300', RAILYARD_SANDBOX_BUILD_MS: '1500' });
  ({ repository } = await seedDemo(ADMIN_TOKEN, { railyardUrl: web.url, sandboxUrl: sandbox.url, gitDir: join(tmp, 'git') }));
  people = await createPeople();
  await startWorkerProcess({ RAILYARD_GIT_LOCAL_REMOTES: join(tmp, 'git'), RAILYARD_WORKSPACE_DIR: join(tmp, 'workspaces') });
}, 120_000);

afterAll(async () => {
  await stopAllWorkerProcesses();
  await sandbox?.stop();
  await web?.close();
  await closeAll();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const approvalsOf = async (p: Person) => (await callRoute(approvalsGet, '/api/approvals', {}, { headers: p.headers })).body as { runId: string; stepId: string; workflow: { name: string }; message: string }[];
const decide = (p: Person, runId: string, stepId: string) =>
  callRoute(decisionPost, `/api/runs/${runId}/steps/${stepId}/decision`, { id: runId, stepId }, { method: 'POST', headers: p.headers, body: { approve: true, reason: 'test environment looks good' } });

describe('the demo release pipeline shop-web', () => {
  it('runs a train from Cut branch to Production against the local repository and the sandbox', async () => {
    const started = await startTrain('shop-web', people.releaser.headers);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ number: 1, version: '1.4.0', features: ['SHOP-101', 'SHOP-104', 'SHOP-107'] });
    const id = started.body.id as string;

    // SHOP-110 moves to "Ready for release" in the sandbox Jira after the train left: its webhook
    // makes the feature ready, and it waits for the next train.
    for (const transition of ['11', '41']) {
      const moved = await fetch(`${sandbox.url}/rest/api/2/issue/SHOP-110/transitions`, {
        method: 'POST', body: JSON.stringify({ transition: { id: transition } }),
        headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('railyard-bot:sandbox-token').toString('base64')}` },
      });
      expect(moved.status).toBe(204);
    }
    const late = await waitFor(async () => (await listFeatures('shop-web')).body.find((f: { key: string; status: string }) => f.key === 'SHOP-110' && f.status === 'ready'), 60_000, 'SHOP-110 ready');
    expect(late.missedTrain).toMatchObject({ number: 1 });

    await waitForStation(id, 'cut');
    expect(git('branch', '--list', 'release/1.4.0')).toContain('release/1.4.0');
    await waitForStation(id, 'preprod'); // only the sandbox CI's build-finished callback gets it here
    await waitForStation(id, 'test');

    // The production gate: the releaser started the train, so someone else must approve.
    const gate = await waitFor(async () => (await approvalsOf(people.admin)).find((a) => a.workflow.name === 'shop-web-production'), 60_000, 'the production approval');
    expect(gate.message).toContain('shop-web 1.4.0');
    expect(await approvalsOf(people.releaser)).toEqual([]);
    expect((await decide(people.releaser, gate.runId, gate.stepId)).status).toBe(403);
    expect((await decide(people.admin, gate.runId, gate.stepId)).status).toBe(200);

    const train = await waitFor(async () => {
      const t = (await getTrain(id)).body;
      return t.status === 'arrived' ? t : undefined;
    }, 120_000, 'train arrived');
    expect(train.stations.map((s: { key: string; status: string }) => `${s.key}:${s.status}`)).toEqual(['cut:reached', 'preprod:reached', 'test:reached', 'production:reached']);

    // The changelog: the commits since v1.3.0 with their ticket keys, nothing from 1.3.0 itself.
    for (const c of DEMO_UNRELEASED) expect(train.changelog).toContain(c.message.replace(/^\w+(\(.+?\))?!?: /, '').replace(/ SHOP-\d+$/, ''));
    for (const key of ['SHOP-101', 'SHOP-102', 'SHOP-104', 'SHOP-105', 'SHOP-107']) expect(train.changelog).toContain(key);
    expect(train.changelog).not.toContain('SHOP-88');

    // The repository: the release tagged on the release branch, main moved to the next snapshot.
    expect(git('rev-parse', 'v1.4.0^{commit}')).toBe(git('rev-parse', 'release/1.4.0'));
    expect(git('show', 'main:VERSION')).toBe('1.5.0-SNAPSHOT');
    expect(git('merge-base', '--is-ancestor', 'v1.4.0', 'main') || 'ancestor').toBe('ancestor');

    // The sandbox: one preproduction build for this train; the owners watch the release ticket, which heard about it twice.
    const state = await sandbox.state();
    expect(state.jenkins.filter((b) => b.parameters.TRAIN_ID === id)).toMatchObject([{ job: 'shop-web-preprod', result: 'SUCCESS', parameters: { TRAIN: '1.4.0', BRANCH: 'release/1.4.0' } }]);
    const ticket = state.jira['SHOP-100'];
    expect(ticket.watchers.sort()).toEqual(['amara.okafor', 'jonas.berg', 'li.wei']);
    expect(ticket.comments.map((c) => c.body.split('\n')[0])).toEqual([
      'Release train #1 of shop-web departed: version 1.4.0 on branch release/1.4.0.',
      expect.stringMatching(/^shop-web 1\.4\.0 is in production \(approved by admin-person\)/),
    ]);
    expect(ticket.comments[0].body).toContain('SHOP-101 Guest checkout without an account');
  }, 480_000);
});
