// The event simulator and the registry export/import as people use them: a viewer pastes a payload
// on the Simulate page and reads the filter's result and a resolved parameter; an editor exports
// the registry from the Registry page and imports it back (the import through the API).
import { expect, test } from '@playwright/test';
import { ensureSource, publishWorkflow, uniqueSuffix } from '../support/api';
import { signInAs } from '../support/auth';
import { screenshots } from '../support/screenshots';

const suffix = uniqueSuffix();
const name = `e2e-sim-${suffix}`;
const type = `deploy.requested-${suffix}`;
const headerName = `e2e-sim-headers-${suffix}`;
const headerType = `build.requested-${suffix}`;

test.beforeAll(async ({ request }) => {
  await ensureSource(request, { key: 'generic', name: 'Generic', preset: 'generic', auth: { mode: 'token', secret: 'e2e-generic-token' } });
  await publishWorkflow(request, `apiVersion: railyard/v1
kind: Workflow
name: ${name}
description: Deploys a service when someone asks for production.
trigger: { source: generic, type: ${type}, filter: 'event.payload.env = "production"' }
steps:
  - { id: announce, action: log, description: Say what is deployed., with: { message: "deploying {{ event.payload.service }} to {{ event.payload.env }}" } }
  - { id: alert, action: log, needs: [{ step: announce, on: failure }], with: { message: "deploy failed" } }
`);
  await publishWorkflow(request, `apiVersion: railyard/v1
kind: Workflow
name: ${headerName}
trigger: { source: generic, type: ${headerType}, filter: 'event.headers.team = "payments"' }
steps:
  - { id: build, action: log, with: { message: "build for {{ event.headers.team }}" } }
`);
});

test('a viewer simulates with headers: the filter and the parameters read them, and a malformed line is named', async ({ page }) => {
  await signInAs(page, 'viewer');
  await page.goto(`/simulate?source=generic&type=${encodeURIComponent(headerType)}`);
  await page.getByTestId('sim-payload').fill('{}');
  const headers = page.getByTestId('sim-headers');
  await headers.fill('X-Request-Id: 42\nthis is not a header');
  await expect(page.getByText('line 2: expected "Name: value"')).toBeVisible();
  await expect(page.getByTestId('sim-run')).toBeDisabled();

  await headers.fill('X-Request-Id: 42\nTeam: payments');
  await page.getByTestId('sim-run').click();
  const wf = page.getByTestId(`sim-workflow-${headerName}`);
  await expect(wf).toHaveAttribute('data-matched', 'true');
  await expect(wf.getByTestId('sim-param-build-message')).toContainText('build for payments');
  await screenshots(page, 'simulate-headers');

  await headers.fill('Team: search');
  await page.getByTestId('sim-run').click();
  await expect(wf).toHaveAttribute('data-matched', 'false');
});

test('a viewer simulates a payload and sees the filter result and a resolved parameter', async ({ page }) => {
  await signInAs(page, 'viewer');
  await page.goto(`/simulate?source=generic&type=${encodeURIComponent(type)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Simulate' })).toBeVisible();
  await page.getByTestId('sim-payload').fill('{"service": "web", "env": "production"}');
  await page.getByTestId('sim-run').click();

  const wf = page.getByTestId(`sim-workflow-${name}`);
  await expect(wf).toHaveAttribute('data-matched', 'true');
  await expect(wf.getByTestId('sim-filter')).toHaveAttribute('data-result', 'true');
  await expect(wf.getByTestId('sim-filter')).toContainText('event.payload.env = "production"');
  await expect(wf.getByTestId('sim-param-announce-message')).toContainText('deploying web to production');
  await expect(wf.getByTestId('sim-step-alert')).toHaveAttribute('data-would-run', 'false');
  await expect(wf.getByTestId('sim-step-alert')).toContainText('runs only if step "announce" fails');

  // The same workflow with a payload its filter refuses.
  await page.getByTestId('sim-payload').fill('{"service": "web", "env": "staging"}');
  await page.getByTestId('sim-run').click();
  await expect(wf).toHaveAttribute('data-matched', 'false');
  await expect(wf.getByTestId('sim-filter')).toHaveAttribute('data-result', 'false');
});

test('an editor exports the registry and imports it back', async ({ page, baseURL }) => {
  await signInAs(page, 'editor');
  await page.goto('/registry');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-registry').click()]);
  expect(download.suggestedFilename()).toBe('railyard-registry.yaml');
  const path = await download.path();
  const text = (await import('node:fs')).readFileSync(path, 'utf8');
  expect(text).toContain(`name: ${name}\n`);
  expect(text).toContain('kind: Source\nkey: generic\n');
  expect(text).not.toContain('e2e-generic-token');

  // Same-origin with the editor's session, as the page itself would send it.
  const post = (body: string) => page.request.post('/api/import', { headers: { 'content-type': 'application/yaml', origin: baseURL! }, data: body });
  const same = await post(text);
  expect(same.status(), await same.text()).toBe(200);
  expect((await same.json()).unchanged).toContainEqual({ kind: 'Workflow', name, version: 1 });

  const edited = await post(text.replace('Deploys a service when someone asks for production.', 'Deploys a service to production.'));
  expect(edited.status(), await edited.text()).toBe(200);
  expect((await edited.json()).updated).toEqual([{ kind: 'Workflow', name, version: 2 }]);
});
