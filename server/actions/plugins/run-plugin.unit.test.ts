import { createServer, type Server } from 'node:net';
import { readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPermanent } from '../types';
import { runPlugin } from './run-plugin';
import { EXAMPLE, handlerInput, tempDir, writeExe } from './test-support';

let dir: string;
let server: Server;
let openPort: number;
let closedPort: number;

const listen = () => new Promise<Server>((resolve) => { const s = createServer((c) => c.end()); s.listen(0, '127.0.0.1', () => resolve(s)); });

beforeAll(async () => {
  dir = await tempDir('ry-run-');
  server = await listen();
  openPort = (server.address() as AddressInfo).port;
  const spare = await listen();
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise((r) => spare.close(r)); // a port nobody listens on any more
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (err: Error) => err);

describe('runPlugin with the Python example (plugin.tcp-check)', () => {
  it('succeeds with the outputs printed on stdout and logs stderr lines in order', async () => {
    const { input, logs } = handlerInput({ host: '127.0.0.1', port: openPort, timeoutMs: 2000 }, dir);
    const result = await runPlugin(EXAMPLE, input);
    expect(result).toEqual({ outputs: { host: '127.0.0.1', port: openPort, address: '127.0.0.1', connectMs: expect.any(Number) } });
    expect(logs.map((l) => l.message)).toEqual([
      `checking 127.0.0.1:${openPort} (timeout 2000 ms)`,
      expect.stringMatching(new RegExp(`^connected to 127.0.0.1:${openPort} in [\\d.]+ ms$`)),
    ]);
    expect(logs.every((l) => l.level === 'info')).toBe(true);
  });

  it('turns exit 75 (connection refused) into a retryable error', async () => {
    const err = await failure(runPlugin(EXAMPLE, handlerInput({ host: '127.0.0.1', port: closedPort }, dir).input));
    expect(isPermanent(err)).toBe(false);
    expect(err.message).toMatch(/temporary failure \(exit 75\).*not accepting connections/);
  });

  it('turns any other exit code into a permanent error carrying the last stderr lines', async () => {
    const err = await failure(runPlugin(EXAMPLE, handlerInput({ host: 'not a host!', port: 80 }, dir).input));
    expect(isPermanent(err)).toBe(true);
    expect(err.message).toMatch(/plugin failed \(exit 2\): invalid host 'not a host!'/);
  });
});

describe('runPlugin (protocol details)', () => {
  it('sends params, run, event identity and the idempotency key, but no payload or secrets; runs in the workspace', async () => {
    const echo = await writeExe(dir, 'railyard-action-echo', `cat > "$PWD/request.json"\necho '{"ok":true}'`);
    const { input } = handlerInput({ a: 1 }, dir);
    expect(await runPlugin(echo, input)).toEqual({ outputs: { ok: true } });
    const request = JSON.parse(await readFile(path.join(dir, 'request.json'), 'utf8'));
    expect(request).toEqual({
      params: { a: 1 },
      context: { run: { id: 'run1', number: 7, workflow: 'deploy', version: 2 }, event: { id: 'ev1', source: 'deploy-script', type: 'deployed' } },
      idempotencyKey: 'run1.check.1',
    });
  });

  it('does not leak the worker environment to the plugin', async () => {
    process.env.RAILYARD_ENCRYPTION_KEY_PROBE = 'leak';
    const envDump = await writeExe(dir, 'railyard-action-env', `printf '{"env":"%s"}' "$(env | tr '\\n' ' ')"`);
    const { outputs } = (await runPlugin(envDump, handlerInput({}, dir).input)) as { outputs: { env: string } };
    delete process.env.RAILYARD_ENCRYPTION_KEY_PROBE;
    expect(outputs.env).toContain('PATH=');
    expect(outputs.env).not.toContain('RAILYARD_ENCRYPTION_KEY_PROBE');
  });

  it('logs many stderr lines live and in order, including a last line without a newline', async () => {
    const chatty = await writeExe(dir, 'railyard-action-chatty', `i=1; while [ $i -le 200 ]; do echo "line $i" >&2; i=$((i+1)); done\nprintf 'tail' >&2\necho '{}'`);
    const { input, logs } = handlerInput({}, dir);
    await runPlugin(chatty, input);
    expect(logs.map((l) => l.message)).toEqual([...Array.from({ length: 200 }, (_, i) => `line ${i + 1}`), 'tail']);
  });

  it('treats bad JSON on stdout as a permanent failure, and empty stdout as no outputs', async () => {
    const bad = await writeExe(dir, 'railyard-action-bad-out', `echo 'nope'`);
    expect(isPermanent(await failure(runPlugin(bad, handlerInput({}, dir).input)))).toBe(true);
    const quiet = await writeExe(dir, 'railyard-action-quiet', 'cat > /dev/null');
    expect(await runPlugin(quiet, handlerInput({}, dir).input)).toEqual({ outputs: {} });
  });

  it('kills the plugin (and what it started) on abort, and on its own time limit', async () => {
    const hang = await writeExe(dir, 'railyard-action-hang', 'echo started >&2\nsleep 30');
    const controller = new AbortController();
    const { input, logs } = handlerInput({}, dir, controller.signal);
    const started = Date.now();
    const running = failure(runPlugin(hang, input, { killGraceMs: 200 }));
    setTimeout(() => controller.abort(), 300);
    const err = await running;
    expect(err.message).toMatch(/cancelled or timed out/);
    // 'close' waits for every holder of the stdio pipes, so returning early proves `sleep` died too.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(logs[0].message).toBe('started');

    const limited = await failure(runPlugin(hang, handlerInput({}, dir).input, { timeoutMs: 300, killGraceMs: 200 }));
    expect(limited.message).toMatch(/ran longer than 300 ms/);
    expect(isPermanent(limited)).toBe(false);
  });

  it('reports a plugin that cannot start as permanent', async () => {
    const err = await failure(runPlugin(path.join(dir, 'railyard-action-missing'), handlerInput({}, dir).input));
    expect(isPermanent(err)).toBe(true);
    expect(err.message).toMatch(/cannot start plugin/);
  });
});
