import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { commit, initRepo, isolateGit, sh } from '../testing/git-fixture';
import { gitCommitFileHandler } from './git-commit-file';

let ws: Awaited<ReturnType<typeof tempDir>>;
let repo: string;
let base: string;
beforeAll(isolateGit);
beforeEach(async () => {
  ws = await tempDir();
  repo = initRepo(join(ws.path, 'shop'));
  base = commit(repo, 'chore: initial', 'README.md', '# shop\n');
});
afterEach(() => ws.remove());

const commitFile = async (p: Record<string, unknown>) => {
  const t = actionInput(actionCatalog['git.commit-file'].params.parse({ repo: 'shop', message: 'docs: changelog', ...p }), ws.path);
  return ((await gitCommitFileHandler(t.input)) as { outputs: { sha: string; changed: boolean } }).outputs;
};

describe('git.commit-file', { timeout: 20_000 }, () => {
  it('commits a new file, and a repeat with the same content makes no second commit', async () => {
    const first = await commitFile({ path: 'docs/CHANGELOG.md', content: '## 1.5.0\n' });
    expect(first.changed).toBe(true);
    expect(sh(repo, 'rev-parse', 'HEAD~1')).toBe(base);
    expect(sh(repo, 'show', 'HEAD:docs/CHANGELOG.md')).toBe('## 1.5.0');
    expect(sh(repo, 'log', '-1', '--format=%an <%ae> / %cn')).toBe('Railyard <railyard@localhost> / Railyard');

    const again = await commitFile({ path: 'docs/CHANGELOG.md', content: '## 1.5.0\n' });
    expect(again).toEqual({ sha: first.sha, changed: false });
    expect(sh(repo, 'rev-list', '--count', 'HEAD')).toBe('2');
  });

  it('commits changed content with the given author, only that file', async () => {
    writeFileSync(join(repo, 'scratch.txt'), 'not mine'); // staged by someone else: must stay out of the commit
    sh(repo, 'add', 'scratch.txt');
    const out = await commitFile({ path: 'README.md', content: '# shop v2\n', author: { name: 'Grace', email: 'grace@example.test' } });
    expect(out.changed).toBe(true);
    expect(sh(repo, 'log', '-1', '--format=%an', out.sha)).toBe('Grace');
    expect(sh(repo, 'show', '--name-only', '--format=', out.sha)).toBe('README.md');
  });

  it('switches to the branch, creating it when missing', async () => {
    const out = await commitFile({ path: 'VERSION', content: '1.5.0\n', branch: 'release/1.5.0' });
    expect(sh(repo, 'rev-parse', 'release/1.5.0')).toBe(out.sha);
    expect(sh(repo, 'rev-parse', 'main')).toBe(base);
    expect(readFileSync(join(repo, 'VERSION'), 'utf8')).toBe('1.5.0\n');
    expect((await commitFile({ path: 'VERSION', content: '1.5.0\n', branch: 'release/1.5.0' })).changed).toBe(false);
  });

  it('refuses paths outside the repository or inside .git', async () => {
    await expect(commitFile({ path: '../evil', content: 'x' })).rejects.toThrow(/leaves the repository/);
    await expect(commitFile({ path: '.git/hooks/pre-commit', content: 'x' })).rejects.toThrow(/inside .git/);
  });
});
