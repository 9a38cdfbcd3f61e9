import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { commit, initRepo, isolateGit, sh } from '../testing/git-fixture';
import { versionNextHandler } from './version-next';

let ws: Awaited<ReturnType<typeof tempDir>>;
let repo: string;
beforeAll(isolateGit);
beforeEach(async () => {
  ws = await tempDir();
  repo = initRepo(join(ws.path, 'shop'));
  commit(repo, 'chore: initial');
});
afterEach(() => ws.remove());

const next = async (p: Record<string, unknown>) => {
  const t = actionInput(actionCatalog['version.next'].params.parse({ repo: 'shop', ...p }), ws.path);
  return ((await versionNextHandler(t.input)) as { outputs: { version: string; previous: string | null; tag: string } }).outputs;
};

describe('version.next', { timeout: 20_000 }, () => {
  it('bumps the highest semver tag, ignoring non-semver tags and tag dates', async () => {
    sh(repo, 'tag', 'v1.10.0');
    commit(repo, 'fix: later');
    for (const t of ['v1.9.5', 'nightly', 'v2', 'deploy-2024-01-01']) sh(repo, 'tag', t); // newer, but lower or not semver
    expect(await next({ bump: 'minor' })).toEqual({ version: '1.11.0', previous: '1.10.0', tag: 'v1.11.0' });
    expect(await next({ bump: 'major' })).toMatchObject({ version: '2.0.0', tag: 'v2.0.0' });
    expect(await next({ bump: 'patch' })).toMatchObject({ version: '1.10.1' });
  });

  it('appends -SNAPSHOT+<short hash> for snapshots', async () => {
    sh(repo, 'tag', 'v1.4.2');
    const short = sh(repo, 'rev-parse', '--short=7', 'HEAD');
    expect(await next({ bump: 'minor', snapshot: true })).toEqual({
      version: `1.5.0-SNAPSHOT+${short}`,
      previous: '1.4.2',
      tag: `v1.5.0-SNAPSHOT+${short}`,
    });
  });

  it('keeps bare versions bare, honours an explicit prefix, and starts from nothing', async () => {
    expect(await next({ bump: 'minor' })).toEqual({ version: '0.1.0', previous: null, tag: 'v0.1.0' });
    sh(repo, 'tag', '3.1.0');
    expect(await next({ bump: 'patch' })).toMatchObject({ tag: '3.1.1' });
    sh(repo, 'tag', 'api-v0.4.0');
    expect(await next({ bump: 'minor', prefix: 'api-v' })).toEqual({ version: '0.5.0', previous: '0.4.0', tag: 'api-v0.5.0' });
  });
});
