// Issue 7: git remotes follow the same SSRF rules as HTTP, transport helpers never run, and local
// repositories are used only from the workspace or RAILYARD_GIT_LOCAL_REMOTES.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { bareRemote, isolateGit, sh } from '../testing/git-fixture';
import { gitCloneHandler } from '../handlers/git-clone';
import { gitPushHandler } from '../handlers/git-push';
import { guardRemote } from './remote-guard';

let root: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
beforeAll(isolateGit);
beforeEach(async () => {
  root = await tempDir();
  ws = join(root.path, 'ws');
  mkdirSync(ws);
});
afterEach(async () => {
  delete process.env.RAILYARD_GIT_LOCAL_REMOTES;
  await root.remove();
});

const clone = async (p: Record<string, unknown>) => {
  const t = actionInput(actionCatalog['git.clone'].params.parse(p), ws);
  return ((await gitCloneHandler(t.input)) as { outputs: { path: string; head: string } }).outputs;
};
const push = async (p: Record<string, unknown>) => {
  const t = actionInput(actionCatalog['git.push'].params.parse({ repo: 'shop', refs: ['main'], ...p }), ws);
  return gitPushHandler(t.input);
};
const place = () => ({ label: 'git.clone', cwd: ws, workspace: ws });

describe('git remote guard', { timeout: 30_000 }, () => {
  it('refuses ext:: and other transport helpers before git starts them', async () => {
    const marker = join(root.path, 'EXT-RAN');
    await expect(clone({ url: `ext::sh -c touch% ${marker}`, dir: 'a' })).rejects.toThrow(/"ext::" remotes run a program and are not allowed/);
    await expect(clone({ url: 'fd::3', dir: 'b' })).rejects.toThrow(/"fd::" remotes/);
    await expect(clone({ url: 'testgit://example.com/x', dir: 'c' })).rejects.toThrow(/only http\(s\), ssh, git and local remotes/);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(ws, 'a'))).toBe(false);
  });

  it('refuses the metadata service and link-local hosts in every remote syntax', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/repo.git',
      'https://0xa9fea9fe/x.git', // the same address written in hex
      'git://169.254.169.254/x.git',
      'ssh://git@169.254.169.254/org/x.git',
      'git+ssh://git@[fd00:ec2::254]/x.git',
      'git@169.254.169.254:org/x.git',
      'git@[::ffff:169.254.169.254]:org/x.git',
      'http://metadata.google.internal/computeMetadata/x.git',
    ]) {
      await expect(guardRemote(url, place()), url).rejects.toThrow(/refused to call .*(metadata|link-local)/);
    }
    await expect(guardRemote('https://169.254.10.20/x.git', place())).rejects.toThrow(/link-local/);
    await expect(clone({ url: 'http://169.254.169.254/latest/x.git' })).rejects.toThrow(/cloud metadata address/);
    // Ordinary hosts pass (no network needed: an IP literal is not looked up).
    await expect(guardRemote('https://192.0.2.10/org/x.git', place())).resolves.toEqual({ local: false, pins: [] });
    await expect(guardRemote('git@192.0.2.10:org/x.git', place())).resolves.toEqual({ local: false, pins: [] });
  });

  it('uses local repositories only inside the workspace or an allowed folder', async () => {
    const bare = bareRemote(root.path);
    await expect(clone({ url: bare, dir: 'a' })).rejects.toThrow(/local repository .* is outside the run's workspace; list its folder in RAILYARD_GIT_LOCAL_REMOTES/);
    await expect(clone({ url: `file://${bare}`, dir: 'a' })).rejects.toThrow(/outside the run's workspace/);
    await expect(clone({ url: '../remote.git', dir: 'a' })).rejects.toThrow(/outside the run's workspace/);
    await expect(clone({ url: '/etc', dir: 'a' })).rejects.toThrow(/outside the run's workspace/);

    sh(root.path, 'clone', '--quiet', '--bare', bare, join(ws, 'mirror.git'));
    expect((await clone({ url: 'mirror.git', dir: 'a' })).head).toBe(sh(bare, 'rev-parse', 'main'));
    process.env.RAILYARD_GIT_LOCAL_REMOTES = root.path;
    expect((await clone({ url: `file://${bare}`, dir: 'shop' })).head).toBe(sh(bare, 'rev-parse', 'main'));
  });

  it('guards the push URLs of a remote, and a URL given as the remote', async () => {
    const bare = bareRemote(root.path);
    process.env.RAILYARD_GIT_LOCAL_REMOTES = root.path;
    await clone({ url: bare, dir: 'shop' });
    const repo = join(ws, 'shop');
    await expect(push({ remote: 'http://169.254.169.254/x.git' })).rejects.toThrow(/cloud metadata address/);
    await expect(push({ remote: 'ext::sh -c id' })).rejects.toThrow(/"ext::" remotes/);
    sh(repo, 'remote', 'set-url', '--push', 'origin', 'https://169.254.169.254/x.git');
    await expect(push({})).rejects.toThrow(/cloud metadata address/);
    sh(repo, 'remote', 'add', 'outside', join(root.path, '..'));
    delete process.env.RAILYARD_GIT_LOCAL_REMOTES;
    await expect(push({ remote: 'outside' })).rejects.toThrow(/outside the run's workspace/);
  });
});
