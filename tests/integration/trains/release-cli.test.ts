// `railyard release start|status` as a person runs them: the real CLI process over HTTP to the
// real route handlers (a small server maps the two dynamic routes to their handlers).
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as pipelineGet } from '@/app/api/pipelines/[key]/route';
import { POST as startPost } from '@/app/api/pipelines/[key]/trains/route';
import { closeAll, publishYaml, resetState } from '../../support/harness';
import { createPerson, type Person } from '../../support/people';
import { pipelineYaml, publishPipeline } from './trains-support';

const run = promisify(execFile);
let server: Server;
let url = '';
let releaser: Person;

const cli = (...args: string[]) =>
  run(path.resolve('node_modules/.bin/tsx'), ['cli/railyard.ts', ...args], { env: { ...process.env, RAILYARD_URL: url, RAILYARD_TOKEN: releaser.token } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

beforeAll(async () => {
  await resetState();
  releaser = await createPerson('releaser', 'cli-releaser');
  await publishYaml('apiVersion: railyard/v1\nkind: Workflow\nname: cli-cut\ntrigger: { source: generic, type: never }\nsteps:\n  - { id: a, action: log, with: { message: hi } }\n');
  expect((await publishPipeline(pipelineYaml('cli-line', '  - { key: cut, name: Cut branch, reachedBy: { workflow: cli-cut } }\n'))).status).toBe(201);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const u = new URL(req.url ?? '/', 'http://localhost');
      const m = /^\/api\/pipelines\/([^/]+)(\/trains)?$/.exec(u.pathname);
      const handler = m && (m[2] ? req.method === 'POST' && startPost : req.method === 'GET' && pipelineGet);
      if (!m || !handler) return void res.writeHead(404).end('{}');
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const body = chunks.length ? new Uint8Array(Buffer.concat(chunks)) : undefined;
      const answer = await handler(new Request(u, { method: req.method, headers, body }), { params: Promise.resolve({ key: decodeURIComponent(m[1]) }) });
      res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await closeAll();
});

describe('railyard release', () => {
  it('status shows an empty track, start departs a train, a second start is refused with the reason', async () => {
    const before = await cli('release', 'status', 'cli-line');
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('track:  empty');
    expect(before.stdout).toContain('next: 1.4.0, boarding no features');

    const started = await cli('release', 'start', 'cli-line');
    expect(started.code).toBe(0);
    expect(started.stdout).toMatch(/^train 1 \(1\.4\.0\) departed with 0 features/);

    const refused = await cli('release', 'start', 'cli-line');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused \(409\): The track is busy: train 1 \(1\.4\.0\) is at Cut branch since/);

    const after = await cli('release', 'status', 'cli-line');
    expect(after.stdout).toMatch(/track: {2}train 1 \(1\.4\.0\) at Cut branch, started .* by cli-releaser/);
    expect(after.stdout).toContain('start refused: The track is busy');

    const hotfix = await cli('release', 'start', 'cli-line', '--hotfix');
    expect(hotfix.code).toBe(1);
    expect(hotfix.stderr).toMatch(/Nothing was released yet/);
  });
});
