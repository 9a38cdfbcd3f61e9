// An http(s) remote's connections are pinned to the addresses the guard checked (DNS rebinding):
// git is handed them (http.curloptResolve) and never resolves the name itself. The name here is
// one only the guard's (faked) DNS knows; the system's resolver has never heard of it, so a clone
// that succeeds can only have used the pinned address. A plain git clone of the same URL, without
// the pin, fails to resolve: that second lookup is what a rebinding DNS server would answer.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:dns/promises', () => ({
  lookup: vi.fn(async (host: string) => {
    const table: Record<string, string[]> = {
      'git.pinned.test': ['127.0.0.1'],
      'v6.pinned.test': ['::1', '127.0.0.1'],
      'meta.pinned.test': ['127.0.0.1', '169.254.169.254'],
    };
    if (!table[host]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return table[host].map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }),
}));

const { actionCatalog } = await import('@/engine/actions/catalog');
const { actionInput, tempDir } = await import('../testing/action-input');
const { bareRemote, commit, gitEnv, isolateGit, sh } = await import('../testing/git-fixture');
const { gitCloneHandler } = await import('../handlers/git-clone');
const { gitPushHandler } = await import('../handlers/git-push');
const { guardRemote } = await import('./remote-guard');

let root: Awaited<ReturnType<typeof tempDir>>;
let ws: string;
let server: Server;
let port: number;
let served: string; // the folder holding shop.git
const hosts: string[] = [];
const paths: string[] = [];

const PROXIES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy'];
beforeAll(async () => {
  isolateGit();
  for (const name of PROXIES) delete process.env[name]; // git must connect itself, not through a proxy
  // A "dumb HTTP" git server: the bare repository's files, as they are (after update-server-info).
  server = createServer((req, res) => {
    hosts.push(req.headers.host ?? '');
    paths.push(req.url ?? '');
    const file = normalize(join(served, decodeURIComponent((req.url ?? '/').split('?')[0])));
    if (!file.startsWith(served) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(async () => {
  root = await tempDir();
  ws = join(root.path, 'ws');
  mkdirSync(ws);
  served = join(root.path, 'served');
  mkdirSync(served);
  hosts.length = 0;
  paths.length = 0;
});
afterEach(() => root.remove());

const place = () => ({ label: 'git.clone', cwd: ws, workspace: ws });

describe('http(s) remotes are pinned to the checked addresses', { timeout: 60_000 }, () => {
  it('hands git the addresses the guard checked, with the port, IPv6 in brackets', async () => {
    expect(await guardRemote('https://git.pinned.test/org/shop.git', place()))
      .toEqual({ local: false, pins: ['http.curloptResolve=git.pinned.test:443:127.0.0.1'] });
    expect(await guardRemote('http://v6.pinned.test:8080/shop.git', place()))
      .toEqual({ local: false, pins: ['http.curloptResolve=v6.pinned.test:8080:[::1],127.0.0.1'] });
    // One refused address refuses the remote; a name that does not resolve is not left to git.
    await expect(guardRemote('https://meta.pinned.test/x.git', place())).rejects.toThrow(/resolves to 169\.254\.169\.254.*rule: metadata/);
    await expect(guardRemote('https://nowhere.pinned.test/x.git', place())).rejects.toThrow(/cannot resolve nowhere\.pinned\.test \(ENOTFOUND\)/);
    // Addresses and hosts an operator allowed by name have nothing to pin.
    expect(await guardRemote('https://127.0.0.1/x.git', place())).toEqual({ local: false, pins: [] });
  });

  it('clones through the pinned address from a name git cannot resolve itself', async () => {
    const bare = bareRemote(root.path);
    sh(root.path, 'clone', '--quiet', '--bare', bare, join(served, 'shop.git'));
    sh(join(served, 'shop.git'), 'update-server-info');
    const url = `http://git.pinned.test:${port}/shop.git`;

    // git on its own asks the system's resolver, which does not know the name.
    // (One try, one second: a CI machine may have no reachable nameserver.)
    const plain = spawnSync('git', ['clone', '--quiet', url, join(root.path, 'plain')], { env: { ...process.env, ...gitEnv, RES_OPTIONS: 'timeout:1 attempts:1' }, encoding: 'utf8' });
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toMatch(/Could not resolve host: git\.pinned\.test/);
    expect(hosts).toEqual([]);

    const t = actionInput(actionCatalog['git.clone'].params.parse({ url, dir: 'shop' }), ws);
    const out = (await gitCloneHandler(t.input)) as { outputs: { head: string } };
    expect(out.outputs.head).toBe(sh(bare, 'rev-parse', 'main'));
    expect(hosts.length).toBeGreaterThan(0);
    expect(new Set(hosts)).toEqual(new Set([`git.pinned.test:${port}`]));

    // Run again (a retried step): the existing clone is fetched, through the pin as well.
    hosts.length = 0;
    expect(((await gitCloneHandler(t.input)) as { outputs: { head: string } }).outputs.head).toBe(sh(bare, 'rev-parse', 'main'));
    expect(hosts.length).toBeGreaterThan(0);
    // A clone whose config names a second origin URL is not fetched: `fetch origin` would use the first.
    sh(join(ws, 'shop'), 'config', '--add', 'remote.origin.url', 'http://169.254.169.254/x.git');
    await expect(gitCloneHandler(t.input)).rejects.toThrow(/already exists and is not a clone/);
  });

  it('refuses what the guard and git would read as different hosts, or curl as no pin', async () => {
    for (const url of [
      `http://192.0.2.10\\@127.0.0.1:${port}/shop.git`, // WHATWG reads host 192.0.2.10; curl reads user "192.0.2.10\" at host 127.0.0.1
      `http://git.pinned.test:${port}/sh\top.git`,
      `http://git.pinned.test:${port}/shop.git\n`,
      'git@192.0.2.10\\@127.0.0.1:org/x.git',
    ]) {
      await expect(guardRemote(url, place()), JSON.stringify(url)).rejects.toThrow(/may not contain a backslash, a space or a control character/);
    }
    await expect(guardRemote('http://-x.pinned.test/x.git', place())).rejects.toThrow(/may not start with "-" or "\+"/);
    const t = actionInput(actionCatalog['git.clone'].params.parse({ url: `http://192.0.2.10\\@127.0.0.1:${port}/shop.git`, dir: 'x' }), ws);
    await expect(gitCloneHandler(t.input)).rejects.toThrow(/backslash/);
    expect(hosts).toEqual([]); // nothing reached the server
  });

  it('refuses a name it cannot resolve even behind a proxy; hosts allowed by name are left to git and its proxy', async () => {
    process.env.HTTPS_PROXY = 'http://proxy.internal:3128';
    try {
      await expect(guardRemote('https://nowhere.pinned.test/x.git', place())).rejects.toThrow(/cannot resolve nowhere\.pinned\.test/);
      process.env.RAILYARD_HTTP_ALLOW_HOSTS = 'nowhere.pinned.test';
      expect(await guardRemote('https://nowhere.pinned.test/x.git', place())).toEqual({ local: false, pins: [] });
    } finally {
      delete process.env.HTTPS_PROXY;
      delete process.env.RAILYARD_HTTP_ALLOW_HOSTS;
    }
  });

  it('refuses a host that is not ASCII: what curl looks up must be what was checked', async () => {
    await expect(guardRemote('https://gït.pinned.test/x.git', place())).rejects.toThrow(/in ASCII/);
    // The xn-- form is checked and pinned like any name (this one does not resolve here).
    await expect(guardRemote('https://xn--gt-yia.pinned.test/x.git', place())).rejects.toThrow(/cannot resolve/);
  });

  it('pushes through the pinned address too', async () => {
    const bare = bareRemote(root.path);
    sh(root.path, 'clone', '--quiet', '--bare', bare, join(served, 'shop.git'));
    sh(join(served, 'shop.git'), 'update-server-info');
    const url = `http://git.pinned.test:${port}/shop.git`;
    const t = actionInput(actionCatalog['git.clone'].params.parse({ url, dir: 'shop' }), ws);
    await gitCloneHandler(t.input);
    hosts.length = 0;
    paths.length = 0;
    commit(join(ws, 'shop'), 'feat: something to push');
    // This server cannot receive a push (it only serves files), so the push fails; what matters
    // is that git reached it at all, by a name the system cannot resolve.
    const p = actionInput(actionCatalog['git.push'].params.parse({ repo: 'shop', refs: ['main'] }), ws);
    await expect(gitPushHandler(p.input)).rejects.toThrow(/git\.pinned\.test/);
    expect(paths.some((u) => u.includes('service=git-receive-pack'))).toBe(true);
    expect(new Set(hosts)).toEqual(new Set([`git.pinned.test:${port}`]));
  });
});
