import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { commit, initRepo, isolateGit, sh } from '../testing/git-fixture';
import { gitChangelogHandler } from './git-changelog';

type Out = { from: string | null; to: string; commits: { sha: string; type: string; subject: string; breaking: boolean; tickets: string[] }[]; tickets: string[]; markdown: string };

let ws: Awaited<ReturnType<typeof tempDir>>;
let repo: string;
const shas: Record<string, string> = {};
beforeAll(isolateGit);
beforeEach(async () => {
  ws = await tempDir();
  repo = initRepo(join(ws.path, 'shop'));
  shas.initial = commit(repo, 'chore: initial');
  sh(repo, 'tag', 'v1.4.0');
  shas.feat = commit(repo, 'feat(cart): coupons PROJ-12');
  shas.fix = commit(repo, 'fix: rounding', 'f.txt', 'x');
  sh(repo, 'commit', '--quiet', '--allow-empty', '-m', 'refactor(api): new routes', '-m', 'Refs OPS-7 and PROJ-12.\n\nBREAKING CHANGE: /v1 is gone');
  shas.breaking = sh(repo, 'rev-parse', 'HEAD');
  shas.other = commit(repo, 'Update deps', 'g.txt', 'y');
});
afterEach(() => ws.remove());

const changelog = async (p: Record<string, unknown> = {}) => {
  const t = actionInput(actionCatalog['git.changelog'].params.parse({ repo: 'shop', ...p }), ws.path);
  return ((await gitChangelogHandler(t.input)) as { outputs: Out }).outputs;
};

describe('git.changelog', { timeout: 20_000 }, () => {
  it('lists commits since the latest tag, grouped, with tickets and breaking changes first', async () => {
    const out = await changelog();
    expect(out.from).toBe('v1.4.0');
    expect(out.to).toBe('HEAD');
    expect(out.commits.map((c) => c.sha)).toEqual([shas.other, shas.breaking, shas.fix, shas.feat]);
    expect(out.commits[1]).toMatchObject({ type: 'refactor', breaking: true, tickets: ['OPS-7', 'PROJ-12'] });
    expect(out.tickets).toEqual(['OPS-7', 'PROJ-12']);
    expect(out.markdown).toBe(
      [
        '### Breaking changes',
        '',
        `- **refactor/api:** new routes (${shas.breaking.slice(0, 7)})`,
        '',
        '### Features',
        '',
        `- **cart:** coupons PROJ-12 (${shas.feat.slice(0, 7)})`,
        '',
        '### Bug fixes',
        '',
        `- rounding (${shas.fix.slice(0, 7)})`,
        '',
        '### Other',
        '',
        `- Update deps (${shas.other.slice(0, 7)})`,
        '',
      ].join('\n'),
    );
  });

  it('still describes a release after its own tag is on HEAD', async () => {
    sh(repo, 'tag', 'v1.5.0');
    const out = await changelog();
    expect(out.from).toBe('v1.4.0');
    expect(out.commits).toHaveLength(4);
  });

  it('starts at the first commit without tags, and honours explicit bounds', async () => {
    sh(repo, 'tag', '-d', 'v1.4.0');
    const all = await changelog();
    expect(all.from).toBeNull();
    expect(all.commits.at(-1)?.sha).toBe(shas.initial);
    const slice = await changelog({ from: shas.feat, to: shas.breaking });
    expect(slice.commits.map((c) => c.sha)).toEqual([shas.breaking, shas.fix]);
    await expect(changelog({ from: 'v9' })).rejects.toThrow(/ref not found: v9/);
  });

  it('leaves merge commits out', async () => {
    sh(repo, 'checkout', '--quiet', '-b', 'topic', shas.feat);
    commit(repo, 'feat: side', 's.txt', 's');
    sh(repo, 'checkout', '--quiet', 'main');
    sh(repo, 'merge', '--quiet', '--no-ff', '-m', 'Merge branch topic', 'topic');
    const out = await changelog();
    expect(out.commits.map((c) => c.subject)).not.toContain('Merge branch topic');
    expect(out.commits.map((c) => c.subject)).toContain('side');
  });
});
