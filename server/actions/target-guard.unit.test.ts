// The SSRF guard with DNS faked (names must resolve the same offline), plus a real redirect from
// a local server towards the metadata address, which must be refused at the second hop.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:dns/promises', () => ({
  lookup: vi.fn(async (host: string) => {
    const table: Record<string, string[]> = {
      'evil.example': ['10.0.0.9', '169.254.169.254'],
      'v6.example': ['fe80::1'],
      'jenkins.lan': ['10.0.0.5', '::1'],
      // What the check is told; the connection is told otherwise below (DNS rebinding).
      'rebind.example': ['127.0.0.1'],
    };
    if (!table[host]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return table[host].map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }),
}));

const { connectLookup, guardTarget, resolver } = await import('./target-guard');
const { send } = await import('./http-client');
const { isPermanent } = await import('./types');

afterEach(() => {
  delete process.env.RAILYARD_HTTP_ALLOW_HOSTS;
  delete process.env.RAILYARD_HTTP_ALLOW_LINK_LOCAL;
});

const refusal = (url: string) => guardTarget(url).then(() => null, (e: Error) => e);

describe('guardTarget', () => {
  it('refuses metadata, link-local and unspecified targets permanently, naming the rule', async () => {
    for (const [url, rule] of [
      ['http://169.254.169.254/latest/meta-data/', 'metadata'],
      ['http://[fd00:ec2::254]/', 'metadata'],
      ['http://100.100.100.200/', 'metadata'],
      ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
      ['http://2852039166/', 'metadata'], // 169.254.169.254 as one decimal number
      ['http://[::ffff:169.254.169.254]/', 'metadata'],
      ['http://169.254.10.1:8080/', 'link-local'],
      ['http://[fe80::1]/', 'link-local'],
      ['http://0.0.0.0:3000/', 'unspecified'],
    ]) {
      const err = await refusal(url);
      expect(err, url).toBeInstanceOf(Error);
      expect(isPermanent(err), url).toBe(true);
      expect(err!.message, url).toContain(`(rule: ${rule})`);
    }
  });

  it('checks every address a name resolves to', async () => {
    expect((await refusal('https://evil.example/x'))!.message).toMatch(/evil\.example: it resolves to 169\.254\.169\.254, a cloud metadata address/);
    expect((await refusal('https://v6.example/'))!.message).toContain('(rule: link-local)');
  });

  it('lets loopback, private addresses and unresolvable names through (fetch reports the latter)', async () => {
    for (const url of ['http://127.0.0.1:9/', 'http://10.1.2.3/', 'http://[::1]/', 'http://jenkins.lan/', 'http://no-such.example/']) {
      expect(await refusal(url), url).toBeNull();
    }
  });

  it('honours RAILYARD_HTTP_ALLOW_HOSTS and RAILYARD_HTTP_ALLOW_LINK_LOCAL', async () => {
    process.env.RAILYARD_HTTP_ALLOW_LINK_LOCAL = 'true';
    expect(await refusal('http://169.254.10.1/')).toBeNull();
    expect(await refusal('http://169.254.169.254/')).not.toBeNull(); // metadata must be named
    process.env.RAILYARD_HTTP_ALLOW_HOSTS = 'evil.example, 169.254.169.254';
    expect(await refusal('http://169.254.169.254/')).toBeNull();
    expect(await refusal('http://EVIL.example/')).toBeNull();
  });

  it('refuses schemes other than http and https', async () => {
    expect((await refusal('data:text/plain,hi'))!.message).toContain('only http and https');
    expect(isPermanent(await refusal('file:///etc/passwd'))).toBe(true);
  });
});

describe('send follows redirects through the guard', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/to-metadata') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else if (req.url === '/to-ok') res.writeHead(307, { location: '/ok' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, auth: req.headers.authorization ?? null }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a redirect to the metadata address', async () => {
    const err = await send({ url: `${base}/to-metadata` }).catch((e: Error) => e);
    expect(isPermanent(err)).toBe(true);
    expect((err as Error).message).toContain('169.254.169.254');
  });

  it('still follows ordinary redirects, keeping method and same-origin credentials on 307', async () => {
    const answer = await send({ url: `${base}/to-ok`, method: 'POST', body: { a: 1 }, headers: { authorization: 'Bearer x' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ method: 'POST', auth: 'Bearer x' });
  });
});

describe('the connection checks the addresses it connects to (DNS rebinding)', () => {
  let server: Server;
  let port: number;
  let requests = 0;
  const realLookup = resolver.lookup;
  // A DNS server that told the check 127.0.0.1 and now tells the connection `answer`.
  const rebindTo = (answer: string) => {
    resolver.lookup = ((host: string, options: { all?: boolean }, callback: (...a: unknown[]) => void) => {
      const family = answer.includes(':') ? 6 : 4;
      if (options.all) callback(null, [{ address: answer, family }]);
      else callback(null, answer, family);
    }) as never;
  };
  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(200).end('secret');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => { resolver.lookup = realLookup; });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a name that answered the check with an allowed address and the connection with a refused one', async () => {
    expect(await refusal(`http://rebind.example:${port}/`)).toBeNull(); // the check alone lets it through
    for (const [answer, rule] of [['169.254.169.254', 'metadata'], ['0.0.0.0', 'unspecified'], ['fe80::1', 'link-local']]) {
      rebindTo(answer);
      const err = await send({ url: `http://rebind.example:${port}/latest/meta-data/` }).catch((e: Error) => e);
      expect(isPermanent(err), answer).toBe(true);
      expect((err as Error).message, answer).toContain(`now resolves to ${answer}`);
      expect((err as Error).message, answer).toContain(`(rule: ${rule})`);
    }
    expect(requests).toBe(0); // no byte reached a server
  });

  it('connects where the connection resolves an allowed address, and skips the check for a host allowed by name', async () => {
    rebindTo('127.0.0.1');
    expect((await send({ url: `http://rebind.example:${port}/` })).text).toBe('secret');
    expect(requests).toBe(1);
    // Nothing to check for an address (the guard checked it), nor for a host an operator named.
    expect(connectLookup(`http://127.0.0.1:${port}/`)).toBeUndefined();
    expect(connectLookup('http://rebind.example/')).toBeTypeOf('function');
    process.env.RAILYARD_HTTP_ALLOW_HOSTS = 'rebind.example';
    expect(connectLookup('http://rebind.example/')).toBeUndefined();
  });
});
