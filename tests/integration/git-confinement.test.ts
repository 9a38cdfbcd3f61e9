// Issue 7, through the real executor: a published workflow that clones a repository and then
// writes core.fsmonitor into its .git/config (git.commit-file with repo: x/.git, path: config) is
// refused at once (no retry), the config stays untouched and the program never runs; a clone from
// the metadata address fails the same way.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareRemote, isolateGit, markerProgram } from '@/server/actions/testing/git-fixture';
import { closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitForEventRun, type Workers } from '../support/harness';

const root = await mkdtemp(join(tmpdir(), 'ry-git-confine-'));
const workspaces = join(root, 'workspaces');
process.env.RAILYARD_WORKSPACE_DIR = workspaces;
process.env.RAILYARD_GIT_LOCAL_REMOTES = join(root, 'remote.git'); // only the fixture "server"
isolateGit();
const bare = bareRemote(root);
const evil = markerProgram(root);

const poisoned = JSON.stringify(`[core]\n\trepositoryformatversion = 0\n\tfsmonitor = ${evil.program}\n`);
const escape = `apiVersion: railyard/v1
kind: Workflow
name: git-escape
trigger: { source: generic, type: git.escape }
steps:
  - id: clone
    action: git.clone
    with: { url: "${bare}", dir: x }
  - id: poison
    action: git.commit-file
    needs: [clone]
    retry: { attempts: 3, backoff: fixed, delayMs: 100 }
    with: { repo: x/.git, path: config, content: ${poisoned}, message: "chore: config" }
`;
const metadata = `apiVersion: railyard/v1
kind: Workflow
name: git-metadata
trigger: { source: generic, type: git.metadata }
steps:
  - id: clone
    action: git.clone
    retry: { attempts: 3, backoff: fixed, delayMs: 100 }
    with: { url: "http://169.254.169.254/latest/meta-data/x.git" }
`;

let workers: Workers | undefined;
beforeAll(async () => {
  await resetState();
  for (const y of [escape, metadata]) {
    const res = await publishYaml(y);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  workers = await startTestWorkers();
});
afterAll(async () => {
  await closeAll(workers);
  delete process.env.RAILYARD_GIT_LOCAL_REMOTES;
  await rm(root, { recursive: true, force: true });
});

describe('git steps through the executor', () => {
  it('refuses the .git/config write at once; the config is untouched and no program runs', async () => {
    const sent = await postEvent('generic', 'git.escape', {});
    const run = await waitForEventRun(sent.body.id, 20_000);
    expect(run.status).toBe('failed');
    const [clone, poison] = run.steps;
    expect(clone.status).toBe('succeeded');
    expect(poison).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringMatching(/repo may not be a \.git folder or lie inside one: x\/\.git/) });
    const config = readFileSync(join(workspaces, run.id, 'x', '.git', 'config'), 'utf8');
    expect(config).not.toContain('fsmonitor');
    expect(existsSync(evil.marker)).toBe(false);
  });

  it('refuses a clone from the cloud metadata address without retrying', async () => {
    const sent = await postEvent('generic', 'git.metadata', {});
    const run = await waitForEventRun(sent.body.id, 20_000);
    expect(run.steps[0]).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringMatching(/refused to call 169\.254\.169\.254: it is a cloud metadata address/) });
  });
});
