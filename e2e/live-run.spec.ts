// The walking skeleton, as a newcomer sees it: the dashboard is open, a Jenkins webhook arrives,
// and the run appears and reaches `succeeded` on screen without a reload. Seeding uses the admin
// (provisioning) token; the browser signs in like a person, and reads with that session.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ensureSource, publishWorkflow, uniqueSuffix } from './support/api';
import { signInAs } from './support/auth';

const jenkinsCompleted = readFileSync('tests/fixtures/webhooks/jenkins/notification.completed.json');

test('a webhook becomes a live run on the runs page and the run page', async ({ page, request }) => {
  const name = `e2e-build-${uniqueSuffix()}`;
  await ensureSource(request, { key: 'jenkins', name: 'Jenkins', preset: 'jenkins', auth: { mode: 'token', secret: 'e2e-jenkins-token' } });
  await publishWorkflow(
    request,
    `apiVersion: railyard/v1
kind: Workflow
name: ${name}
description: e2e workflow
trigger: { source: jenkins, type: build-completed }
steps:
  - id: announce
    action: log
    description: Say which build finished.
    with: { message: "Build {{ event.payload.build.number }} of {{ event.payload.name }}" }
  - id: version
    action: vars.set
    needs: [announce]
    with: { values: { version: "1.0.{{ event.payload.build.number }}" } }
  - id: wait
    action: delay
    needs: [version]
    with: { ms: 1500 }
  - id: done
    action: log
    needs: [wait]
    with: { message: "Ready {{ vars.version }}" }
`,
  );

  await signInAs(page, 'viewer');
  await page.goto('/runs');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Let the EventSource connect before the webhook is sent, so the row must arrive live.
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-live', 'live');
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

  const res = await request.post('/api/hooks/jenkins?token=e2e-jenkins-token', { data: jenkinsCompleted, headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(202);
  const { id: eventId } = await res.json();

  const row = page.getByTestId('run-row').filter({ hasText: name });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 });
  expect(navigations, 'the runs page must update without navigating').toEqual([]);

  // The run page shows every step with its final state and the resolved outputs.
  const event = await (await page.request.get(`/api/events/${eventId}`)).json();
  const runId = event.runs.find((r: { workflow: string }) => r.workflow === name).id;
  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId('run-status')).toContainText(/succeeded/i);
  for (const step of ['announce', 'version', 'wait', 'done']) {
    await expect(page.getByTestId(`step-node-${step}`)).toHaveAttribute('data-status', 'succeeded');
  }
  // Selecting a step shows its resolved inputs and outputs.
  await page.getByTestId('step-node-done').click();
  await expect(page.getByTestId('step-detail')).toContainText('Ready 1.0.18');
});

test('the run page follows a running run live', async ({ page, request }) => {
  const name = `e2e-live-${uniqueSuffix()}`;
  await ensureSource(request, { key: 'jenkins', name: 'Jenkins', preset: 'jenkins', auth: { mode: 'token', secret: 'e2e-jenkins-token' } });
  await publishWorkflow(
    request,
    `apiVersion: railyard/v1
kind: Workflow
name: ${name}
trigger: { source: jenkins, type: build-started }
steps:
  - id: hold
    action: delay
    with: { ms: 2500 }
  - id: after
    action: log
    needs: [hold]
    with: { message: "held" }
`,
  );
  const started = readFileSync('tests/fixtures/webhooks/jenkins/notification.started.json');
  const res = await request.post('/api/hooks/jenkins?token=e2e-jenkins-token', { data: started, headers: { 'content-type': 'application/json' } });
  const { id: eventId } = await res.json();
  await signInAs(page, 'viewer');
  let runId: string | undefined;
  await expect(async () => {
    const event = await (await page.request.get(`/api/events/${eventId}`)).json();
    runId = event.runs.find((r: { workflow: string }) => r.workflow === name)?.id;
    expect(runId).toBeTruthy();
  }).toPass({ timeout: 10_000 });

  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-live', 'live');
  // The delay is a persisted wait: the node shows `waiting`, then both steps finish live.
  await expect(page.getByTestId('step-node-hold')).toHaveAttribute('data-status', /waiting|succeeded/);
  await expect(page.getByTestId('step-node-after')).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
  await expect(page.getByTestId('run-status')).toContainText(/succeeded/i, { timeout: 10_000 });
});
