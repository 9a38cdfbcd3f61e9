// Issue 7: a git step cannot escape the run's workspace or make git run a program. Each attack is
// reproduced against real repositories; "did not run" is proven by a marker file that stays absent.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { commit, initRepo, isolateGit, markerProgram, sh } from '../testing/git-fixture';
import { gitCloneHandler } from '../handlers/git-clone';
import { gitCommitFileHandler } from '../handlers/git-commit-file';
import { gitTagHandler } from '../handlers/git-tag';

let root: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
let repo: string;
let evil: ReturnType<typeof markerProgram>;
beforeAll(isolateGit);
beforeEach(async () => {
  root = await tempDir();
  ws = join(root.path, 'ws');
  repo = initRepo(join(ws, 'x'));
  commit(repo, 'chore: initial', 'README.md', '# x\n');
  evil = markerProgram(root.path);
});
afterEach(async () => {
  delete process.env.RAILYARD_GIT_LOCAL_REMOTES;
  await root.remove();
});

const run = async <P>(id: keyof typeof actionCatalog, handler: (i: never) => Promise<unknown>, p: P) => {
  const t = actionInput(actionCatalog[id].params.parse(p), ws);
  return handler(t.input as never);
};
const commitFile = (p: Record<string, unknown>) => run('git.commit-file', gitCommitFileHandler, { message: 'docs: x', content: 'x', ...p });
const poisoned = () => `[core]\n\trepositoryformatversion = 0\n\tfsmonitor = ${evil.program}\n`;

describe('git steps stay out of .git', { timeout: 30_000 }, () => {
  it('refuses repo: x/.git with path: config (the core.fsmonitor attack), in every spelling', async () => {
    for (const r of ['x/.git', 'x/.GIT', 'x/.git.', 'x/./.git', 'x/sub/../.git', join(repo, '.git'), 'x/.git/hooks']) {
      await expect(commitFile({ repo: r, path: 'config', content: poisoned() }), r).rejects.toThrow(/may not be a \.git folder/);
    }
    for (const path of ['.git/config', '.GIT/config', '.git./config', 'sub/.git/config', '.git', 'a/../.git/config']) {
      await expect(commitFile({ repo: 'x', path, content: poisoned() }), path).rejects.toThrow(/inside \.git/);
    }
    // A symlink in the workspace that leads into .git is followed and refused too.
    symlinkSync(join(repo, '.git'), join(ws, 'alias'));
    await expect(commitFile({ repo: 'alias', path: 'config', content: poisoned() })).rejects.toThrow(/\.git folder/);

    expect(readFileSync(join(repo, '.git', 'config'), 'utf8')).not.toContain('fsmonitor');
    // The next git steps, which would have run the program, run normally and run nothing.
    await commitFile({ repo: 'x', path: 'CHANGELOG.md', content: '## 1.0.0\n' });
    await run('git.tag', gitTagHandler, { repo: 'x', tag: 'v1.0.0' });
    expect(evil.ran()).toBe(false);
  });

  it('does not write through a symlink committed in a cloned repository', async () => {
    const outside = join(root.path, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'victim.txt'), 'original');
    const src = initRepo(join(root.path, 'src'));
    symlinkSync(outside, join(src, 'out')); // a folder link leaving the tree
    symlinkSync('../../outside/victim.txt', join(src, 'victim')); // a relative file link
    symlinkSync('.git', join(src, 'meta')); // a link into git's own folder
    sh(src, 'add', 'out', 'victim', 'meta');
    sh(src, 'commit', '--quiet', '-m', 'links');
    process.env.RAILYARD_GIT_LOCAL_REMOTES = src;
    await run('git.clone', gitCloneHandler, { url: src, dir: 'shop' });

    await expect(commitFile({ repo: 'shop', path: 'out/pwned.txt' })).rejects.toThrow(/through the symlink out/);
    await expect(commitFile({ repo: 'shop', path: 'out/deep/pwned.txt' })).rejects.toThrow(/symlink/);
    await expect(commitFile({ repo: 'shop', path: 'victim', content: 'overwritten' })).rejects.toThrow(/through the symlink victim/);
    await expect(commitFile({ repo: 'shop', path: 'meta/config', content: poisoned() })).rejects.toThrow(/symlink meta/);
    await expect(commitFile({ repo: 'shop/out', path: 'x' })).rejects.toThrow(/leaves the run's workspace through a symlink/);

    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('original');
    expect(readdirSync(outside)).toEqual(['victim.txt']);
    expect(readFileSync(join(ws, 'shop', '.git', 'config'), 'utf8')).not.toContain('fsmonitor');
  });

  it('refuses absolute paths outside the workspace, `..`, and symlinks to repositories outside', async () => {
    const elsewhere = initRepo(join(root.path, 'elsewhere'));
    commit(elsewhere, 'chore: initial');
    await expect(commitFile({ repo: elsewhere, path: 'a.txt' })).rejects.toThrow(`repo leaves the run's workspace: ${elsewhere}`);
    await expect(commitFile({ repo: '/etc', path: 'a.txt' })).rejects.toThrow(/leaves the run's workspace/);
    await expect(commitFile({ repo: '../elsewhere', path: 'a.txt' })).rejects.toThrow(/leaves the run's workspace/);
    await expect(commitFile({ repo: 'x', path: '../../elsewhere/a.txt' })).rejects.toThrow(/leaves the repository/);
    await expect(commitFile({ repo: 'x', path: '/tmp/a.txt' })).rejects.toThrow(/must be relative/);
    symlinkSync(elsewhere, join(ws, 'mirror'));
    await expect(commitFile({ repo: 'mirror', path: 'a.txt' })).rejects.toThrow(/through a symlink/);
    await expect(run('git.clone', gitCloneHandler, { url: elsewhere, dir: 'mirror/inner' })).rejects.toThrow(/through a symlink/);
    expect(sh(elsewhere, 'rev-list', '--count', 'HEAD')).toBe('1');
    // An absolute path inside the workspace (what git.clone outputs) stays fine.
    expect(await commitFile({ repo, path: 'a.txt' })).toMatchObject({ outputs: { changed: true } });
  });

  it('wants the top folder of a repository: not a folder inside one, not a bare repository in a tree', async () => {
    commit(repo, 'docs: add', 'docs/guide.md', 'guide');
    await expect(commitFile({ repo: 'x/docs', path: 'a.txt' })).rejects.toThrow(/x\/docs is not the top folder of a git repository: it lies inside x/);
    // A folder of the workspace that is no repository is not mistaken for whatever repository holds the workspace.
    mkdirSync(join(ws, 'plain'));
    await expect(commitFile({ repo: 'plain', path: 'a.txt' })).rejects.toThrow(/not a git repository: plain/);

    // A bare repository committed as ordinary files, its config naming a program.
    const bare = join(repo, 'vendor', 'lib');
    sh(root.path, 'init', '--quiet', '--bare', bare);
    writeFileSync(join(bare, 'config'), `[core]\n\tbare = true\n\tfsmonitor = ${evil.program}\n`);
    await expect(commitFile({ repo: 'x/vendor/lib', path: 'a.txt' })).rejects.toThrow(/not a git repository|not the top folder/);
    expect(evil.ran()).toBe(false);
  });
});
