// http.request against a real local server: parsing, internal retries, auth, timeouts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest } from '@/engine/actions/http-request';
import { callAction } from '@/tests/support/fakes/action-input';
import { basicCredentials, reply, startLocalServer, type LocalServer } from '@/tests/support/fakes/local-http';
import { isPermanent } from '../types';
import { httpRequestHandler } from './http-request';

let api: LocalServer;
let flakyCalls = 0;

beforeAll(async () => {
  api = await startLocalServer(async (req, res) => {
    switch (req.path) {
      case '/json': return reply(res, 200, { deployed: true, echo: req.json });
      case '/text': return reply(res, 200, 'plain words');
      case '/flaky': return reply(res, ++flakyCalls === 1 ? 503 : 200, { call: flakyCalls });
      case '/down': return reply(res, 503, 'maintenance');
      case '/auth': return reply(res, 200, { authorization: req.headers.authorization ?? null, basic: basicCredentials(req.headers) });
      case '/slow': await new Promise((r) => setTimeout(r, 400)); return reply(res, 200, 'late');
      default: return reply(res, 404, 'no such thing');
    }
  });
});
afterAll(() => api.close());

const call = (params: Parameters<typeof callAction<typeof httpRequest.params>>[2]) => callAction(httpRequest, httpRequestHandler, params);

describe('http.request', () => {
  it('parses JSON, sends the body as JSON and the idempotency key as a header', async () => {
    const { outputs } = await call({ url: `${api.url}/json`, method: 'POST', body: { v: '1.2.0' } });
    expect(outputs).toMatchObject({ status: 200, attempts: 1, body: { deployed: true, echo: { v: '1.2.0' } } });
    expect(outputs.headers['content-type']).toBe('application/json');
    const seen = api.to('/json')[0];
    expect(seen.headers['idempotency-key']).toBe('run1.step.1');
    expect(seen.headers['content-type']).toBe('application/json');
  });

  it('keeps a non-JSON body as text', async () => {
    const { outputs } = await call({ url: `${api.url}/text` });
    expect(outputs).toMatchObject({ status: 200, body: 'plain words' });
  });

  it('retries a 503 by itself, with the same idempotency key, and reports the tries', async () => {
    const { outputs } = await call({ url: `${api.url}/flaky`, method: 'POST', retries: { attempts: 2, delayMs: 1 } });
    expect(outputs).toMatchObject({ status: 200, attempts: 2, body: { call: 2 } });
    expect(api.to('/flaky').map((s) => s.headers['idempotency-key'])).toEqual(['run1.step.1', 'run1.step.1']);
  });

  it('gives up after the configured retries with a transient error', async () => {
    const err = await call({ url: `${api.url}/down`, retries: { attempts: 1, delayMs: 1 } }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/answered 503: maintenance \(after 2 tries\)/);
    expect(isPermanent(err)).toBe(false);
    expect(api.to('/down')).toHaveLength(2);
  });

  it('does not retry a 404 and fails permanently', async () => {
    const err = await call({ url: `${api.url}/missing`, retries: { attempts: 3, delayMs: 1 } }).catch((e: Error) => e);
    expect(isPermanent(err)).toBe(true);
    expect((err as Error).message).toMatch(/answered 404: no such thing/);
    expect(api.to('/missing')).toHaveLength(1);
  });

  it('accepts a listed non-2xx status as success', async () => {
    const { outputs } = await call({ url: `${api.url}/missing`, expectStatus: [404] });
    expect(outputs).toMatchObject({ status: 404, body: 'no such thing' });
  });

  it('sends basic and bearer credentials, and never logs them', async () => {
    const basic = await call({ url: `${api.url}/auth`, auth: { username: 'ci', password: 's3cret' } });
    expect(basic.outputs.body.basic).toBe('ci:s3cret');
    const bearer = await call({ url: `${api.url}/auth`, auth: { bearer: 'tok-123' } });
    expect(bearer.outputs.body.authorization).toBe('Bearer tok-123');
    expect([...basic.logs, ...bearer.logs].join('\n')).not.toMatch(/s3cret|tok-123/);
  });

  it('times out a slow answer as a transient error', async () => {
    const started = Date.now();
    const err = await call({ url: `${api.url}/slow`, timeoutMs: 50, retries: { attempts: 0, delayMs: 0 } }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/timed out after 50 ms/);
    expect(isPermanent(err)).toBe(false);
    expect(Date.now() - started).toBeLessThan(350);
  });

  it('retries a refused connection, then fails transiently', async () => {
    const gone = await startLocalServer(() => undefined);
    await gone.close(); // a port that was just free: nothing listens there now
    const err = await call({ url: `${gone.url}/x`, retries: { attempts: 1, delayMs: 1 } }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/ECONNREFUSED.*after 2 tries/);
    expect(isPermanent(err)).toBe(false);
  });

  it('rejects unknown auth shapes and out-of-range retries at validation', () => {
    expect(httpRequest.params.safeParse({ url: 'https://a.example', auth: { token: 'x' } }).success).toBe(false);
    expect(httpRequest.params.safeParse({ url: 'https://a.example', retries: { attempts: 6 } }).success).toBe(false);
    expect(httpRequest.params.parse({ url: 'https://a.example' }).retries).toEqual({ attempts: 2, delayMs: 500 });
  });
});
