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

export const uniqueSuffix = () => Math.random().toString(36).slice(2, 8);
