// Issue 7: programs named by a cloned repository's own config or hooks never run in a git step,
// whoever put them there (tampering between steps, a shell.run, a prepared local "server").
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { bareRemote, isolateGit, markerProgram, sh } from '../testing/git-fixture';
import { gitCloneHandler } from '../handlers/git-clone';
import { gitCommitFileHandler } from '../handlers/git-commit-file';
import { gitPushHandler } from '../handlers/git-push';
import { isUnsafeRepoKey } from './repo-config-guard';
import { tryGit } from './run-git';

let root: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
let bare: string;
let clone: string;
let evil: ReturnType<typeof markerProgram>;
beforeAll(isolateGit);
beforeEach(async () => {
  root = await tempDir();
  ws = join(root.path, 'ws');
  mkdirSync(ws);
  bare = bareRemote(root.path);
  process.env.RAILYARD_GIT_LOCAL_REMOTES = root.path;
  evil = markerProgram(root.path);
  const t = actionInput(actionCatalog['git.clone'].params.parse({ url: bare, dir: 'shop' }), ws);
  clone = ((await gitCloneHandler(t.input)) as { outputs: { path: string } }).outputs.path;
});
afterEach(async () => {
  delete process.env.RAILYARD_GIT_LOCAL_REMOTES;
  await root.remove();
});

const step = async (id: 'git.commit-file' | 'git.push', p: Record<string, unknown>) => {
  const t = actionInput(actionCatalog[id].params.parse({ repo: 'shop', ...p }), ws);
  return id === 'git.push' ? gitPushHandler(t.input as never) : gitCommitFileHandler(t.input as never);
};
const hook = (gitDir: string, name: string) => {
  mkdirSync(join(gitDir, 'hooks'), { recursive: true }); // Railyard's clones get no template hooks folder
  writeFileSync(join(gitDir, 'hooks', name), `#!/bin/sh\n'${evil.program}'\n`, { mode: 0o755 });
};

describe('a repository cannot choose programs for git steps', { timeout: 30_000 }, () => {
  it('control: plain git runs a core.fsmonitor program set in a clone config', async () => {
    sh(clone, 'config', 'core.fsmonitor', evil.program);
    // The attack is real: plain git runs the program on the next status.
    sh(clone, 'status', '--short');
    expect(evil.ran()).toBe(true);
  });

  it('core.fsmonitor in a clone config: the step is refused naming it, and the overrides alone also keep it from running', async () => {
    sh(clone, 'config', 'core.fsmonitor', evil.program);
    const err = await step('git.commit-file', { path: 'a.txt', content: 'a', message: 'x' }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/refusing to use shop: its git config sets core.fsmonitor/);
    expect((err as { permanent?: boolean }).permanent).toBe(true);
    // Even a git command that skipped that check (the hardening layer on its own) does not run it.
    writeFileSync(join(clone, 'changed.txt'), 'y');
    const r = await tryGit(['status', '--short'], { cwd: clone });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('changed.txt');
    expect(evil.ran()).toBe(false);
  });

  it('refuses filter drivers, textconv, url rewrites and includes set by the repository', async () => {
    writeFileSync(join(clone, '.gitattributes'), '* filter=evil diff=evil\n');
    const cases = [
      ['filter.evil.clean', evil.program, 'filter.evil.clean'],
      ['diff.evil.textconv', evil.program, 'diff.evil.textconv'],
      ['url.http://169.254.169.254/.insteadOf', 'https://x/', 'url.http://169.254.169.254/.insteadof'],
      ['include.path', join(root.path, 'other.gitconfig'), 'include.path'],
      ['remote.origin.receivepack', evil.program, 'remote.origin.receivepack'],
    ];
    for (const [key, value, shown] of cases) {
      sh(clone, 'config', key, value);
      await expect(step('git.commit-file', { path: 'a.txt', content: 'a', message: 'x' }), key).rejects.toThrow(`its git config sets ${shown},`);
      sh(clone, 'config', '--unset', key);
    }
    expect(evil.ran()).toBe(false);
    expect(['core.fsmonitor', 'filter.lfs.smudge', 'Credential.https://x.helper', 'gpg.ssh.program', 'includeIf.gitdir:/x.path', 'remote.origin.proxy', 'http.https://x.proxy'].every(isUnsafeRepoKey)).toBe(true);
    expect(['remote.origin.url', 'branch.main.merge', 'core.bare', 'user.name'].some(isUnsafeRepoKey)).toBe(false);
  });

  it('hooks in the clone and in a local remote do not run on commit, checkout or push', async () => {
    for (const name of ['pre-commit', 'commit-msg', 'post-commit', 'post-checkout', 'pre-push', 'reference-transaction']) hook(join(clone, '.git'), name);
    for (const name of ['pre-receive', 'update', 'post-receive', 'post-update']) hook(bare, name);
    const out = (await step('git.commit-file', { path: 'CHANGELOG.md', content: '## 1.0\n', message: 'docs: 1.0', branch: 'release/1.0' })) as { outputs: { sha: string } };
    await step('git.push', { refs: ['release/1.0'] });
    expect(sh(bare, 'rev-parse', 'release/1.0')).toBe(out.outputs.sha);
    expect(evil.ran()).toBe(false);
    // Control: the hooks are real and would have run for plain git.
    sh(clone, 'commit', '--quiet', '--allow-empty', '-m', 'plain');
    expect(evil.ran()).toBe(true);
  });

  it('a bare repository committed inside a cloned tree, used as a local remote, runs none of its hooks', async () => {
    // The remote's content holds a bare repository as ordinary files, hooks included.
    const seed = join(root.path, 'seed');
    const lib = join(seed, 'vendor', 'lib');
    sh(root.path, 'init', '--quiet', '--bare', lib);
    for (const dir of ['objects', 'refs']) writeFileSync(join(lib, dir, '.keep'), '');
    hook(lib, 'pre-receive');
    hook(lib, 'post-receive');
    sh(seed, 'add', '--force', 'vendor');
    sh(seed, 'commit', '--quiet', '-m', 'vendor a bare repository');
    sh(seed, 'push', '--quiet', bare, 'main');
    const t = actionInput(actionCatalog['git.clone'].params.parse({ url: bare, dir: 'shop' }), ws);
    await gitCloneHandler(t.input);

    const out = await step('git.push', { remote: 'vendor/lib', refs: ['main'] });
    expect(out).toMatchObject({ outputs: { pushed: ['refs/heads/main'] } });
    expect(sh(join(clone, 'vendor', 'lib'), 'rev-parse', 'main')).toBe(sh(clone, 'rev-parse', 'main'));
    expect(evil.ran()).toBe(false);

    // Its config is checked like any repository's.
    sh(join(clone, 'vendor', 'lib'), 'config', 'core.alternateRefsCommand', evil.program);
    await expect(step('git.push', { remote: 'vendor/lib', refs: ['main'] })).rejects.toThrow(/local remote \S*vendor\/lib: its git config sets core.alternaterefscommand/);
    sh(join(clone, 'vendor', 'lib'), 'config', '--unset', 'core.alternateRefsCommand');
    // Control: plain git runs the committed hook.
    sh(clone, 'push', '--quiet', '--force', 'vendor/lib', 'HEAD:refs/heads/other');
    expect(evil.ran()).toBe(true);
  });

  it("reads the operator's RAILYARD_GIT_CONFIG, but its program settings are overridden too", async () => {
    const file = join(root.path, 'operator.gitconfig');
    writeFileSync(file, `[railyard]\n\tcheck = yes\n[core]\n\tfsmonitor = ${evil.program}\n\tpager = ${evil.program}\n`);
    process.env.RAILYARD_GIT_CONFIG = file;
    try {
      expect((await tryGit(['config', '--get', 'railyard.check'], { cwd: clone })).stdout.trim()).toBe('yes');
      writeFileSync(join(clone, 'changed.txt'), 'y');
      expect((await tryGit(['status', '--short'], { cwd: clone })).code).toBe(0);
      await step('git.commit-file', { path: 'a.txt', content: 'a', message: 'x' });
    } finally {
      delete process.env.RAILYARD_GIT_CONFIG;
    }
    expect(evil.ran()).toBe(false);
  });
});
