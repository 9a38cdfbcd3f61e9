// The visual editor end to end, as an SRE uses it: draw a workflow from the palette, wire it with
// the mouse (a cycle is refused), fill and fix params, publish with a message, trigger it and watch
// the run live; then change it through the YAML tab, undo/redo, copy/paste a step, publish again,
// compare the two versions on the history page and restore the first.
import { expect, test, type Page } from '@playwright/test';
import { adminToken, ensureSource, uniqueSuffix } from '../support/api';
import { signInAs } from '../support/auth';
import { dragConnection, edge, fitView, node, screenshot, selectNode, selectNothing, setTheme, viewportSettled } from '../support/editor';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1600, height: 1000 } });

const suffix = uniqueSuffix();
const name = `e2e-editor-${suffix}`;
const eventType = `editor.${suffix}`;

const problems = (page: Page) => page.getByTestId('problems-panel');
const param = (page: Page, key: string) => page.getByTestId(`param-${key}`);
/**
 * Picks `label` from the open completion list with the mouse. (Enter would be refused for the
 * list's first 75 ms, CodeMirror's `interactionDelay`, and waiting that out would be a sleep.)
 */
async function pickCompletion(page: Page, label: string) {
  const option = page.locator('.cm-tooltip-autocomplete [role="option"]').filter({ has: page.locator('.cm-completionLabel', { hasText: new RegExp(`^${label}$`) }) });
  await option.click();
  await expect(page.locator('.cm-tooltip-autocomplete')).toHaveCount(0);
}
const viewSwitch = (page: Page, view: 'Canvas' | 'YAML') => page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: view });

test.beforeAll(async ({ request }) => {
  await ensureSource(request, { key: 'generic', name: 'Generic', preset: 'generic', auth: { mode: 'token', secret: 'e2e-generic-token' } });
});

test('an editor draws, wires, validates and publishes a workflow, and watches it run', async ({ page, request }, testInfo) => {
  await signInAs(page, 'editor');
  await page.goto('/workflows/new');
  await setTheme(page, 'light');
  await expect(node(page, 'hello')).toBeVisible();

  // Start from nothing: the starter step goes with the Delete key.
  await selectNode(page, 'hello');
  await page.keyboard.press('Delete');
  await expect(node(page, 'hello')).toHaveCount(0);

  // Three steps from the palette: a click (nothing selected: it hangs off the trigger), a click
  // with that step selected (added after it, already wired), and a drag onto the canvas.
  await page.keyboard.press('Escape');
  await page.getByTestId('palette-log').click();
  await expect(node(page, 'log')).toBeVisible();
  await page.getByTestId('palette-delay').click();
  await expect(node(page, 'delay')).toBeVisible();
  await expect(edge(page, 'log', 'delay')).toHaveCount(1);
  const canvas = page.getByTestId('editor-canvas');
  const box = (await canvas.boundingBox())!;
  await page.getByTestId('palette-log').dragTo(canvas, { targetPosition: { x: box.width * 0.45, y: box.height * 0.78 } });
  await expect(node(page, 'log-2')).toBeVisible();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await fitView(page);

  // Wire delay → log-2 by dragging its handle; then try log-2 → log, which would close a cycle.
  await dragConnection(page, 'delay', 'log-2');
  await expect(edge(page, 'delay', 'log-2')).toHaveCount(1);
  await fitView(page);
  await dragConnection(page, 'log-2', 'log');
  const notice = page.getByTestId('editor-notice');
  await expect(notice).toContainText('would make a cycle');
  await expect(edge(page, 'log-2', 'log')).toHaveCount(0);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // New steps lack their required params: listed as problems, marked on the nodes, no publishing.
  await expect(node(page, 'log')).toHaveAttribute('data-invalid', 'true');
  await expect(problems(page).getByTestId('problem')).toHaveCount(3);
  await expect(problems(page)).toContainText('missing required param "message"');
  await expect(page.getByTestId('publish')).toBeDisabled();

  // Clicking a problem opens its step; fill the params (templates as text).
  await problems(page).getByTestId('problem').filter({ hasText: 'step "delay"' }).click();
  await expect(param(page, 'ms')).toBeVisible();
  await param(page, 'ms').fill('1500');
  await selectNode(page, 'log');
  await param(page, 'message').fill('Deploying build {{ event.payload.build }}');
  await selectNode(page, 'log-2');
  await page.getByTestId('step-id').fill('done');
  await page.getByTestId('step-id').press('Enter');
  await expect(node(page, 'done')).toBeVisible();
  // Typing `{{` turns the field into the expression editor; completion offers the upstream steps
  // and their outputs (from the catalog's output schemas).
  await param(page, 'message').pressSequentially('Done: {{');
  const expr = page.getByTestId('param-message-expr').locator('.cm-content');
  await expect(expr).toBeFocused();
  await page.keyboard.type(' steps.lo');
  await pickCompletion(page, 'log');
  await expect(expr).toHaveText('Done: {{ steps.log');
  await page.keyboard.type('.out');
  await pickCompletion(page, 'outputs');
  await page.keyboard.type('.mes');
  await pickCompletion(page, 'message');
  await page.keyboard.type(' }}');
  await expect(expr).toHaveText('Done: {{ steps.log.outputs.message }}');
  await expect(problems(page)).toContainText('No problems');
  await expect(node(page, 'log')).not.toHaveAttribute('data-invalid', /.*/);
  await screenshot(page, testInfo, 'editor-side-panel-light');

  // The trigger's event type, and the workflow's name (nothing selected: workflow settings).
  await selectNode(page, 'trigger');
  await page.getByTestId('trigger-type').fill(eventType);
  await selectNothing(page);
  // Until renamed, a new workflow has a name of its own, so its autosaved draft is nobody else's.
  await expect(page.getByTestId('workflow-name')).toHaveValue(/^new-workflow-[a-z0-9]{4}$/);
  await page.getByTestId('workflow-name').fill(name);
  await page.getByTestId('workflow-name').press('Enter');
  await expect(page.getByTestId('side-panel').getByRole('heading', { name })).toBeVisible();
  await page.getByTestId('workflow-owner').fill('team-delivery');
  await page.getByTestId('workflow-owner').press('Enter');
  await fitView(page);
  await screenshot(page, testInfo, 'editor-light');

  await page.getByTestId('publish').click();
  await page.getByTestId('publish-message').fill('First version: announce, wait, report');
  await page.getByTestId('publish-confirm').click();
  await expect(page).toHaveURL(new RegExp(`/workflows/${name}/edit$`));
  await expect(node(page, 'done')).toBeVisible();
  // The owner set in the panel is part of the published version: its page names it.
  const live = await (await page.request.get(`/api/workflows/${name}`)).json();
  expect(live.definition?.owner ?? live.owner).toBe('team-delivery');

  // Trigger it through the API, as a script would, and watch the run on its page.
  const sent = await request.post(`/api/events/generic/${eventType}`, { headers: { authorization: `Bearer ${adminToken()}` }, data: { build: 42 } });
  expect(sent.status()).toBe(202);
  const { id: eventId } = await sent.json();
  let runId: string | undefined;
  await expect(async () => {
    const event = await (await page.request.get(`/api/events/${eventId}`)).json();
    runId = event.runs.find((r: { workflow: string }) => r.workflow === name)?.id;
    expect(runId).toBeTruthy();
  }).toPass({ timeout: 10_000 });
  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-live', 'live');
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
  await expect(page.getByTestId('step-node-delay')).toHaveAttribute('data-status', /waiting|succeeded/);
  await expect(page.getByTestId('step-node-done')).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 });
  expect(navigations, 'the run page updates without reloading').toEqual([]);
  await expect(page.getByTestId('run-status')).toContainText(/succeeded/i);
  await page.getByTestId('step-node-done').click();
  await expect(page.getByTestId('step-detail')).toContainText('Done: Deploying build 42');
});

test('YAML and canvas are one workflow; undo/redo and copy/paste; a second version', async ({ page }, testInfo) => {
  await signInAs(page, 'editor');
  await page.goto(`/workflows/${name}/edit`);
  await setTheme(page, 'light');
  await expect(node(page, 'delay')).toBeVisible();

  // Change the wait in the text as one edit: select the number at the end of its line and type
  // over it. A drawn workflow's text is block style, a step per item, as a reviewer reads it in git.
  await viewSwitch(page, 'YAML').click();
  const yamlView = page.getByTestId('yaml-view');
  await expect(yamlView.locator('.cm-line', { hasText: /^steps:$/ })).toHaveCount(1);
  const msLine = yamlView.locator('.cm-line', { hasText: /^\s*ms: 1500$/ });
  await msLine.click();
  await page.keyboard.press('End');
  for (let i = 0; i < '1500'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.insertText('2500');
  await expect(yamlView.locator('.cm-line', { hasText: /\bms: 2500\b/ })).toHaveCount(1);
  await screenshot(page, testInfo, 'editor-yaml-light');

  await viewSwitch(page, 'Canvas').click();
  await selectNode(page, 'delay');
  await expect(param(page, 'ms')).toHaveValue('2500');

  // One history for text and canvas: undo brings the old value back, redo the new one.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(param(page, 'ms')).toHaveValue('1500');
  await page.getByRole('button', { name: /^Redo/ }).click();
  await expect(param(page, 'ms')).toHaveValue('2500');

  // Copy a step and paste it: it arrives as "done-2", with the same params.
  await selectNode(page, 'done');
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(node(page, 'done-2')).toBeVisible();
  await expect(page.getByTestId('param-message-expr').locator('.cm-content')).toHaveText('Done: {{ steps.log.outputs.message }}');
  await page.getByTestId('step-id').fill('report');
  await page.getByTestId('step-id').press('Enter');
  await expect(node(page, 'report')).toBeVisible();
  // The paste lands just off the original; auto-layout tidies it into its own row.
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await viewportSettled(page);

  await setTheme(page, 'dark');
  await fitView(page);
  await screenshot(page, testInfo, 'editor-dark');
  await selectNode(page, 'delay');
  await screenshot(page, testInfo, 'editor-side-panel-dark', page.getByTestId('side-panel'));
  await setTheme(page, 'light');

  await page.getByTestId('publish').click();
  await page.getByTestId('publish-message').fill('Wait longer; report twice');
  await page.getByTestId('publish-confirm').click();
  await expect(page.getByTestId('editor-notice')).toContainText('Published version 2.');
});

test('the history page compares two versions and restores one', async ({ page }, testInfo) => {
  await signInAs(page, 'editor');
  await page.goto(`/workflows/${name}/history`);
  await setTheme(page, 'light');
  await expect(page.getByTestId('version-2')).toContainText('Wait longer; report twice');
  await expect(page.getByTestId('version-1')).toContainText('First version: announce, wait, report');

  const changes = page.getByTestId('diff-changes');
  await expect(changes).toContainText('param "ms" of step "delay" changed from 1500 to 2500');
  await expect(changes).toContainText('step "report" (log) added');
  await expect(node(page, 'report')).toHaveAttribute('data-mark', 'added');
  await expect(node(page, 'delay')).toHaveAttribute('data-mark', 'changed');
  await expect(node(page, 'log')).not.toHaveAttribute('data-mark', /.*/);
  await screenshot(page, testInfo, 'history-diff-light');

  await page.getByTestId('restore-1').click();
  await expect(page.getByTestId('history-notice')).toHaveText('Version 1 restored as version 3.');
  await expect(page.getByTestId('version-3')).toBeVisible();
  const live = await (await page.request.get(`/api/workflows/${name}`)).json();
  expect(live.version).toBe(3);
  expect(live.definition.steps.map((s: { id: string }) => s.id)).toEqual(['log', 'delay', 'done']);
});
