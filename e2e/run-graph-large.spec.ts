// A run too large to fit its card (more than 40 steps) opens on the step worth looking at, at a
// readable zoom, with only the nodes on screen drawn (runs/run-graph.tsx gives React Flow the
// opening viewport and the nodes' handles up front; how fast that first frame comes is measured by
// `npm run bench:editor`, not here); picking a step in the list brings it into view. Screenshots.
import { expect, test } from '@playwright/test';
import { adminToken, ensureSource, publishWorkflow, uniqueSuffix } from './support/api';
import { signInAs } from './support/auth';
import { screenshots } from './support/screenshots';

const STEPS = 60;

test('a 60-step run opens on its waiting step with only the visible nodes drawn, and the list moves the graph', async ({ page, request }) => {
  const name = `e2e-large-${uniqueSuffix()}`;
  const type = `large.${uniqueSuffix()}`;
  await ensureSource(request, { key: 'generic', name: 'Generic', preset: 'generic', auth: { mode: 'token', secret: 'e2e-generic-token' } });
  // s1 → … → s45 → gate (waits for an approval) → s47 … s60: the run stops at the gate.
  const steps = Array.from({ length: STEPS }, (_, i) => {
    const id = i === 45 ? 'gate' : `s${i + 1}`;
    const needs = i ? `\n    needs: [${i === 46 ? 'gate' : `s${i}`}]` : '';
    return i === 45
      ? `  - id: gate\n    action: approval.request${needs}\n    with: { message: "Go on?" }`
      : `  - id: ${id}\n    action: log${needs}\n    with: { message: "${id}" }`;
  });
  await publishWorkflow(request, `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${type} }\nsteps:\n${steps.join('\n')}\n`);
  const res = await request.post(`/api/events/generic/${type}`, { data: {}, headers: { authorization: `Bearer ${adminToken()}` } });
  expect(res.status()).toBe(202);
  const { id: eventId } = await res.json();

  await signInAs(page, 'viewer');
  let runId = '';
  await expect(async () => {
    const event = await (await page.request.get(`/api/events/${eventId}`)).json();
    runId = event.runs?.[0]?.id ?? '';
    expect(runId).not.toBe('');
    const run = await (await page.request.get(`/api/runs/${runId}`)).json();
    expect(run.steps.find((s: { id: string }) => s.id === 'gate')?.status).toBe('waiting');
  }).toPass({ timeout: 30_000 });

  await page.goto(`/runs/${runId}`);
  const graph = page.getByTestId('run-graph');
  await expect(graph).toHaveAttribute('data-large', 'true');
  // The waiting step is on screen, its neighbours too; the start of the chain is not drawn at all.
  await expect(graph.getByTestId('step-node-gate')).toBeInViewport();
  await expect(graph.getByTestId('step-node-s45')).toBeVisible();
  await expect(graph.getByTestId('step-node-s1')).toHaveCount(0);
  const drawn = await graph.locator('.react-flow__node').count();
  expect(drawn).toBeGreaterThan(2);
  expect(drawn).toBeLessThan(STEPS / 2);
  await expect(graph.locator('.react-flow__minimap')).toBeAttached();
  // Edges are drawn between the nodes on screen.
  expect(await graph.locator('.react-flow__edge').count()).toBeGreaterThan(1);
  await screenshots(page, 'run-graph-large');

  // Picking the first step in the list brings it into the graph's view.
  await page.getByTestId('step-row-s1').click();
  await expect(graph.getByTestId('step-node-s1')).toBeInViewport({ timeout: 5_000 });
  await expect(graph.getByTestId('step-node-gate')).toHaveCount(0);
});
