// Seeding through the public API with the admin token, exactly as a script or the CLI would.
import { expect, type APIRequestContext } from '@playwright/test';

export const adminToken = () => {
  const token = process.env.RAILYARD_ADMIN_TOKEN;
  if (!token) throw new Error('RAILYARD_ADMIN_TOKEN is not set (npm test sets it)');
  return token;
};

const auth = () => ({ authorization: `Bearer ${adminToken()}` });

export async function ensureSource(request: APIRequestContext, source: { key: string; name: string; preset: string; auth: { mode: string; secret: string } }) {
  const res = await request.post('/api/sources', { headers: auth(), data: source });
  expect([201, 409]).toContain(res.status());
}

export async function publishWorkflow(request: APIRequestContext, yaml: string) {
  const res = await request.post('/api/workflows', { headers: { ...auth(), 'content-type': 'application/yaml' }, data: yaml });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

/** A pipeline of the spec's own (never the demo's track); `stations` are YAML flow mappings. */
export async function createPipeline(request: APIRequestContext, p: { key: string; name: string; initial: string; stations: string[]; description?: string }) {
  const res = await request.post('/api/pipelines', {
    headers: { ...auth(), 'content-type': 'text/yaml' },
    data: `apiVersion: railyard/v1
kind: Pipeline
key: ${p.key}
name: ${p.name}
${p.description ? `description: ${p.description}\n` : ''}repository: { url: /tmp/${p.key}.git, baseBranch: main }
version: { initial: ${p.initial}, bump: minor, tagPrefix: v }
stations:
${p.stations.map((s) => `  - ${s}`).join('\n')}
`,
  });
  expect(res.status(), await res.text()).toBe(201);
}

/**
 * A pipeline of the spec's own (the demo's shop-web belongs to the release spec, whose train would
 * share the track) with one station, reached by the workflow `<key>-<station>` that a departing
 * train of this pipeline starts. `steps`: that workflow's step lines (indented by two), given the
 * pipeline's key. Returns the key.
 */
export async function createOneStationPipeline(
  request: APIRequestContext,
  p: { prefix: string; name: string; initial: string; station: { key: string; name: string; production?: boolean }; steps: (key: string) => string; description?: string },
): Promise<string> {
  const key = `${p.prefix}-${uniqueSuffix()}`;
  const workflow = `${key}-${p.station.key}`;
  await publishWorkflow(request, `apiVersion: railyard/v1
kind: Workflow
name: ${workflow}
description: e2e station
trigger: { source: railyard, type: train.departed, filter: "event.payload.pipeline.key = '${key}'" }
steps:
${p.steps(key)}
`);
  const production = p.station.production ? ', production: true' : '';
  await createPipeline(request, { key, name: `${p.name} ${key}`, initial: p.initial, description: p.description,
    stations: [`{ key: ${p.station.key}, name: ${p.station.name}, reachedBy: { workflow: ${workflow} }${production} }`] });
  return key;
}

export async function createFeature(request: APIRequestContext, f: { key: string; title: string; pipeline: string; status: 'open' | 'ready' }) {
  const res = await request.post('/api/features', { headers: auth(), data: f });
  expect(res.status(), await res.text()).toBe(201);
}

export const uniqueSuffix = () => Math.random().toString(36).slice(2, 8);
