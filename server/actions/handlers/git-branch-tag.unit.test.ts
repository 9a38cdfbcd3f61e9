import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { commit, initRepo, isolateGit, sh } from '../testing/git-fixture';
import { gitCreateBranchHandler } from './git-create-branch';
import { gitTagHandler } from './git-tag';

let ws: Awaited<ReturnType<typeof tempDir>>;
let repo: string;
let first: string;
let second: string;
beforeAll(isolateGit);
beforeEach(async () => {
  ws = await tempDir();
  repo = initRepo(join(ws.path, 'shop'));
  first = commit(repo, 'feat: one');
  second = commit(repo, 'fix: two');
});
afterEach(() => ws.remove());

const branch = async (p: Record<string, unknown>) => {
  const t = actionInput(actionCatalog['git.create-branch'].params.parse(p), ws.path);
  return { ...((await gitCreateBranchHandler(t.input)) as { outputs: { branch: string; sha: string } }).outputs, log: t.text() };
};
const tag = async (p: Record<string, unknown>) => {
  const t = actionInput(actionCatalog['git.tag'].params.parse(p), ws.path);
  return { ...((await gitTagHandler(t.input)) as { outputs: { tag: string; sha: string } }).outputs, log: t.text() };
};

describe('git.create-branch', { timeout: 20_000 }, () => {
  it('creates a branch at HEAD, and a repeat succeeds without change', async () => {
    expect(await branch({ repo: 'shop', name: 'release/1.5.0' })).toMatchObject({ branch: 'release/1.5.0', sha: second });
    expect(sh(repo, 'rev-parse', 'release/1.5.0')).toBe(second);
    const again = await branch({ repo: 'shop', name: 'release/1.5.0' });
    expect(again).toMatchObject({ sha: second });
    expect(again.log).toContain('nothing to do');
  });

  it('branches from a given ref, accepts an absolute repo path and refuses a moved branch', async () => {
    expect((await branch({ repo, name: 'hotfix', from: 'HEAD~1' })).sha).toBe(first);
    await expect(branch({ repo: 'shop', name: 'hotfix', from: 'main' })).rejects.toThrow(`branch hotfix exists at ${first}`);
  });

  it('refuses bad names, unknown refs and paths that leave the workspace', async () => {
    await expect(branch({ repo: 'shop', name: 'bad..name' })).rejects.toThrow(/invalid ref name/);
    await expect(branch({ repo: 'shop', name: 'x', from: 'nope' })).rejects.toThrow(/ref not found: nope/);
    await expect(branch({ repo: '../elsewhere', name: 'x' })).rejects.toThrow(/leaves/);
    await expect(branch({ repo: 'missing', name: 'x' })).rejects.toThrow(/not a git repository/);
  });
});

describe('git.tag', { timeout: 20_000 }, () => {
  it('tags HEAD; a repeat does not create a second tag', async () => {
    expect(await tag({ repo: 'shop', tag: 'v1.0.0' })).toMatchObject({ tag: 'v1.0.0', sha: second });
    const again = await tag({ repo: 'shop', tag: 'v1.0.0' });
    expect(again.log).toContain('nothing to do');
    expect(sh(repo, 'tag', '--list')).toBe('v1.0.0');
  });

  it('makes an annotated tag when given a message, and is idempotent for it too', async () => {
    await tag({ repo: 'shop', tag: 'v0.9.0', ref: first, message: 'Release 0.9.0' });
    expect(sh(repo, 'cat-file', '-t', 'v0.9.0')).toBe('tag');
    const tagObject = sh(repo, 'rev-parse', 'v0.9.0');
    expect((await tag({ repo: 'shop', tag: 'v0.9.0', ref: first, message: 'Release 0.9.0' })).sha).toBe(first);
    expect(sh(repo, 'rev-parse', 'v0.9.0')).toBe(tagObject);
    expect(sh(repo, 'for-each-ref', '--format=%(taggername)', 'refs/tags/v0.9.0')).toBe('Railyard');
  });

  it('fails without retry when the tag exists at another commit', async () => {
    await tag({ repo: 'shop', tag: 'v1.0.0', ref: first });
    const err = await tag({ repo: 'shop', tag: 'v1.0.0' }).catch((e) => e);
    expect(err.message).toBe(`tag v1.0.0 exists at ${first}`);
    expect(err.permanent).toBe(true);
  });
});
