import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { bareRemote, commit, isolateGit, sh } from '../testing/git-fixture';
import { gitCloneHandler, repoNameOf } from './git-clone';

let root: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
beforeAll(isolateGit);
beforeEach(async () => {
  root = await tempDir();
  ws = join(root.path, 'ws');
  process.env.RAILYARD_GIT_LOCAL_REMOTES = root.path; // the bare "server" repository lives beside the workspace
  mkdirSync(ws);
});
afterEach(async () => {
  delete process.env.RAILYARD_GIT_LOCAL_REMOTES;
  await root.remove();
});

const params = (p: Record<string, unknown>) => actionCatalog['git.clone'].params.parse(p);
const clone = async (p: Record<string, unknown>) => {
  const t = actionInput(params(p), ws);
  const { outputs } = (await gitCloneHandler(t.input)) as { outputs: { path: string; head: string } };
  return { ...outputs, log: t.text() };
};

describe('git.clone', { timeout: 20_000 }, () => {
  it('clones a local bare repository into a folder named after it', async () => {
    const bare = bareRemote(root.path, ['chore: one', 'feat: two']);
    const out = await clone({ url: bare });
    expect(out.path).toBe(join(ws, 'remote'));
    expect(out.head).toBe(sh(bare, 'rev-parse', 'main'));
    expect(sh(out.path, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
  });

  it('fetches instead of failing when the folder already holds that clone', async () => {
    const bare = bareRemote(root.path);
    await clone({ url: bare, dir: 'app' });
    const seed = join(root.path, 'seed');
    const newer = commit(seed, 'fix: later');
    sh(seed, 'push', '--quiet', bare, 'main');
    const again = await clone({ url: bare, dir: 'app' });
    expect(again.head).toBe(newer);
    expect(again.log).toContain('existing clone');
  });

  it('checks out a tag, and makes shallow clones', async () => {
    const bare = bareRemote(root.path, ['a', 'b', 'c']);
    const seed = join(root.path, 'seed');
    sh(seed, 'tag', 'v1.0.0', 'HEAD~1');
    sh(seed, 'push', '--quiet', bare, 'v1.0.0');
    const tagged = await clone({ url: bare, ref: 'v1.0.0', dir: 'tagged' });
    expect(tagged.head).toBe(sh(seed, 'rev-parse', 'HEAD~1'));
    const shallow = await clone({ url: `file://${bare}`, depth: 1, dir: 'shallow' });
    expect(sh(shallow.path, 'rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('refuses a folder that holds something else, and folders outside the workspace', async () => {
    const bare = bareRemote(root.path);
    mkdirSync(join(ws, 'busy'));
    writeFileSync(join(ws, 'busy', 'x'), 'x');
    await expect(clone({ url: bare, dir: 'busy' })).rejects.toThrow(/not a clone of/);
    await expect(clone({ url: bare, dir: '../out' })).rejects.toThrow(/leaves/);
    await expect(clone({ url: bare, password: 'tok' })).rejects.toThrow(/http\(s\)/);
  });

  it('sends credentials as a header, never in logs, errors or .git/config', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(403).end('no repository here');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const t = actionInput(params({ url: `http://127.0.0.1:${port}/org/shop.git`, password: 's3cret-token' }), ws);
      const err = await gitCloneHandler(t.input).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect(seen[0]).toBe(`Basic ${Buffer.from('x-access-token:s3cret-token').toString('base64')}`);
      expect(`${(err as Error).message}\n${t.text()}`).not.toMatch(/s3cret|eC1hY2Nlc3MtdG9rZW46czNjcmV0LXRva2Vu/);
      const config = join(ws, 'shop', '.git', 'config');
      if (existsSync(config)) expect(readFileSync(config, 'utf8')).not.toContain('Basic');
    } finally {
      server.close();
    }
  });

  it('names the folder after the repository', () => {
    expect(repoNameOf('https://git.example.com/org/shop.git')).toBe('shop');
    expect(repoNameOf('git@github.com:org/api.git')).toBe('api');
    expect(repoNameOf('/srv/git/tools/')).toBe('tools');
  });
});
