import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { bareRemote, commit, isolateGit, sh } from '../testing/git-fixture';
import { gitPushHandler } from './git-push';

let root: Awaited<ReturnType<typeof tempDir>>;
let bare: string;
let clone: string;
beforeAll(isolateGit);
beforeEach(async () => {
  root = await tempDir();
  bare = bareRemote(root.path, ['chore: initial']);
  process.env.RAILYARD_GIT_LOCAL_REMOTES = root.path; // the bare "server" repository lives beside the workspace
  clone = join(root.path, 'ws', 'shop');
  sh(root.path, 'clone', '--quiet', bare, clone);
});
afterEach(async () => {
  delete process.env.RAILYARD_GIT_LOCAL_REMOTES;
  await root.remove();
});

const push = async (p: Record<string, unknown>) => {
  const t = actionInput(actionCatalog['git.push'].params.parse({ repo: 'shop', ...p }), join(root.path, 'ws'));
  return { ...((await gitPushHandler(t.input)) as { outputs: { pushed: string[] } }).outputs, log: t.text() };
};
const lsRemote = () => sh(root.path, 'ls-remote', bare).split('\n').map((l) => l.split('\t').reverse().join(' '));

describe('git.push', { timeout: 20_000 }, () => {
  it('pushes a branch and a tag, verified with ls-remote; a repeat is a success', async () => {
    sh(clone, 'checkout', '--quiet', '-b', 'release/1.5.0');
    const sha = commit(clone, 'docs: changelog');
    sh(clone, 'tag', 'v1.5.0');
    const out = await push({ refs: ['release/1.5.0', 'v1.5.0'] });
    expect(out.pushed).toEqual(['refs/heads/release/1.5.0', 'refs/tags/v1.5.0']);
    expect(lsRemote()).toEqual(expect.arrayContaining([`refs/heads/release/1.5.0 ${sha}`, `refs/tags/v1.5.0 ${sha}`]));

    const again = await push({ refs: ['release/1.5.0', 'refs/tags/v1.5.0'] });
    expect(again.pushed).toEqual(['refs/heads/release/1.5.0', 'refs/tags/v1.5.0']);
    expect(again.log).toContain('already up to date');
  });

  it('fails without retry when the remote has the tag at another commit', async () => {
    sh(clone, 'tag', 'v1.0.0');
    await push({ refs: ['v1.0.0'] });
    commit(clone, 'fix: later');
    sh(clone, 'tag', '-f', 'v1.0.0');
    const err = await push({ refs: ['v1.0.0'] }).catch((e) => e);
    expect(err.message).toMatch(/push rejected: refs\/tags\/v1.0.0/);
    expect(err.permanent).toBe(true);
  });

  it('refuses unknown refs and credentials for a non-http remote', async () => {
    await expect(push({ refs: ['nope'] })).rejects.toThrow(/no local branch or tag named nope/);
    await expect(push({ refs: ['main'], password: 'tok' })).rejects.toThrow(/http\(s\)/);
  });
});
