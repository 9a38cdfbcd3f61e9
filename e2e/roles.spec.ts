// Each demo role sees what it may do and not what it may not; and hiding is not the protection:
// a viewer calling the publish API directly (same-origin, past CSRF) is refused by the server.
import { expect, test, type Page } from '@playwright/test';
import { ensureSource, publishWorkflow, uniqueSuffix, adminToken } from './support/api';
import { signInAs } from './support/auth';
import type { E2eRole } from './support/people';

let runId: string;

test.beforeAll(async ({ request }) => {
  const name = `e2e-roles-${uniqueSuffix()}`;
  await ensureSource(request, { key: 'generic', name: 'Generic', preset: 'generic', auth: { mode: 'token', secret: 'e2e-generic-token' } });
  await publishWorkflow(request, `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${name} }\nsteps:\n  - { id: hold, action: delay, with: { ms: 600000 } }\n`);
  const sent = await request.post(`/api/events/generic/${name}`, { headers: { authorization: `Bearer ${adminToken()}` }, data: {} });
  const { id: eventId } = await sent.json();
  await expect(async () => {
    const event = await (await request.get(`/api/events/${eventId}`, { headers: { authorization: `Bearer ${adminToken()}` } })).json();
    runId = event.runs[0]?.id;
    expect(runId).toBeTruthy();
  }).toPass({ timeout: 10_000 });
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main', exact: true });

const expectations: Record<E2eRole, { cancel: boolean; rerun: boolean; addSource: boolean; send: boolean; users: boolean }> = {
  viewer: { cancel: false, rerun: false, addSource: false, send: false, users: false },
  releaser: { cancel: true, rerun: false, addSource: false, send: false, users: false },
  editor: { cancel: true, rerun: true, addSource: true, send: true, users: false },
  admin: { cancel: true, rerun: true, addSource: true, send: true, users: true },
};

for (const [role, may] of Object.entries(expectations) as [E2eRole, (typeof expectations)[E2eRole]][]) {
  test(`${role} sees exactly the controls its role allows`, async ({ page }) => {
    await signInAs(page, role);
    await page.goto(`/runs/${runId}`);
    await expect(page.getByTestId('run-status')).toBeVisible();
    await expect(page.getByTestId('run-action-cancel')).toHaveCount(may.cancel ? 1 : 0);
    await expect(page.getByTestId('run-action-rerun')).toHaveCount(may.rerun ? 1 : 0);
    await page.goto('/registry');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('add-source')).toHaveCount(may.addSource ? 1 : 0);
    await page.goto('/send');
    await expect(page.getByTestId('send-forbidden')).toHaveCount(may.send ? 0 : 1);
    await expect(nav(page).getByRole('link', { name: 'Users', exact: true })).toHaveCount(may.users ? 1 : 0);
  });
}

test('a viewer cannot publish a workflow even by calling the API directly', async ({ page, baseURL }) => {
  await signInAs(page, 'viewer');
  const res = await page.request.post('/api/workflows', {
    // Same-origin, so the CSRF guard lets it through and the role check is what answers.
    headers: { 'content-type': 'application/yaml', origin: baseURL! },
    data: 'apiVersion: railyard/v1\nkind: Workflow\nname: sneaky\ntrigger: { source: generic, type: x }\nsteps:\n  - { id: a, action: log, with: { message: hi } }\n',
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatch(/your role \(viewer\) may not do this; it needs editor/);
  const list = await (await page.request.get('/api/workflows')).json();
  expect(list.map((w: { name: string }) => w.name)).not.toContain('sneaky');
});

test.afterAll(async ({ request }) => {
  await request.post(`/api/runs/${runId}/cancel`, { headers: { authorization: `Bearer ${adminToken()}` } });
});
