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

export const uniqueSuffix = () => Math.random().toString(36).slice(2, 8);
