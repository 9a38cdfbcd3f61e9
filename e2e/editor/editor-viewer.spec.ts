// A viewer may read a workflow in the editor but change nothing: no publish action, no palette,
// read-only fields; and the server refuses the editor's write APIs even when called directly.
import { expect, test } from '@playwright/test';
import { ensureSource, publishWorkflow, uniqueSuffix } from '../support/api';
import { signInAs } from '../support/auth';
import { node, selectNode } from '../support/editor';

const name = `e2e-viewer-${uniqueSuffix()}`;
const yaml = `apiVersion: railyard/v1
kind: Workflow
name: ${name}
trigger: { source: generic, type: ${name} }
steps:
  - { id: greet, action: log, with: { message: "hello" } }
`;

test.beforeAll(async ({ request }) => {
  await ensureSource(request, { key: 'generic', name: 'Generic', preset: 'generic', auth: { mode: 'token', secret: 'e2e-generic-token' } });
  await publishWorkflow(request, yaml);
});

test('a viewer opens the editor read-only and the publish and draft APIs answer 403', async ({ page, baseURL }) => {
  await signInAs(page, 'viewer');
  await page.goto(`/workflows/${name}/edit`);
  await expect(page.getByTestId('workflow-editor')).toBeVisible();
  await expect(node(page, 'greet')).toBeVisible();
  await expect(page.getByTestId('publish')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await expect(page.getByTestId('palette-log')).toBeDisabled();
  await selectNode(page, 'greet');
  await expect(page.getByTestId('param-message')).toBeDisabled();

  // Same-origin, so the CSRF guard lets the calls through and the role check is what answers.
  const headers = { origin: baseURL! };
  const publish = await page.request.post(`/api/workflows/${name}/publish`, { headers, data: { yaml, message: 'sneaky' } });
  expect(publish.status()).toBe(403);
  expect((await publish.json()).error).toMatch(/your role \(viewer\) may not do this/);
  const draft = await page.request.put(`/api/workflows/${name}/draft`, { headers, data: { yaml, baseVersion: 1 } });
  expect(draft.status()).toBe(403);
  const versions = await (await page.request.get(`/api/workflows/${name}/versions`)).json();
  expect(versions).toHaveLength(1);
});
