// Living documentation, as a developer new to the team reads it: open Processes, find the release
// workflow by a word from one of its step descriptions (search box, keyboard only), read its steps,
// and follow the chain link from the CI callback it waits for to the workflow that callback starts.
import { expect, test } from '@playwright/test';
import { ensureSource, publishWorkflow, uniqueSuffix } from '../support/api';
import { signInAs } from '../support/auth';

const sfx = uniqueSuffix();
const release = `start-release-${sfx}`;
const deploy = `deploy-preprod-${sfx}`;

test.beforeAll(async ({ request }) => {
  await ensureSource(request, { key: 'jenkins', name: 'Jenkins', preset: 'jenkins', auth: { mode: 'token', secret: 'e2e-jenkins-token' } });
  await publishWorkflow(request, `apiVersion: railyard/v1
kind: Workflow
name: ${release}
description: Cuts a release and asks CI for a preproduction build.
owner: delivery team
trigger: { source: railyard, type: release.started }
steps:
  - id: version
    action: vars.set
    description: Pick the version of this release.
    with: { values: { version: "{{ event.payload.version }}" } }
  - id: build
    action: jenkins.build
    needs: [version]
    description: Ask the quokka build farm for a preproduction build.
    with: { baseUrl: "https://ci.example.com", job: releases/web, parameters: { VERSION: "{{ vars.version }}" }, username: railyard, apiToken: "{{ secrets.JENKINS_TOKEN }}" }
  - id: built
    action: event.wait
    needs: [build]
    description: Wait for the CI callback of that build.
    with: { source: jenkins, type: build-finished, match: "candidate.payload.build.number = steps.build.outputs.buildNumber" }
`);
  await publishWorkflow(request, `apiVersion: railyard/v1
kind: Workflow
name: ${deploy}
description: Deploys a successful build to preproduction.
trigger: { source: jenkins, type: build-finished, filter: 'event.payload.build.status = "SUCCESS"' }
steps:
  - { id: deploy, action: log, description: Record the deployment., with: { message: "deploying {{ event.payload.build.number }}" } }
`);
});

test('a viewer finds the release process by search and follows the CI callback to the next workflow', async ({ page }) => {
  await signInAs(page, 'viewer');
  await page.goto('/processes');
  await expect(page.getByRole('heading', { level: 1, name: 'Processes' })).toBeVisible();
  await expect(page.locator(`[id="ev-railyard/release.started"]`).getByTestId('process-workflow').filter({ hasText: release })).toBeVisible();

  // `/` focuses the search box; results come as you type; arrows move, Enter opens.
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: /search/i });
  await expect(box).toBeFocused();
  await box.pressSequentially('quokka');
  const ours = page.getByRole('option').and(page.locator(`[data-name="${release}/build"]`));
  await expect(ours).toBeVisible();
  for (let i = 0; i < 20 && (await ours.getAttribute('aria-selected')) !== 'true'; i++) await box.press('ArrowDown');
  await expect(ours).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');

  // The workflow page: purpose, owner, and every step in words.
  await expect(page).toHaveURL(new RegExp(`/workflows/${release}#step-build$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(release);
  await expect(page.getByTestId('workflow-owner')).toHaveText('delivery team');
  const steps = page.getByTestId('step-doc');
  await expect(steps).toHaveCount(3);
  const build = page.locator('[data-testid="step-doc"][data-step="build"]');
  await expect(build).toContainText('Ask the quokka build farm for a preproduction build.');
  await expect(build.getByTestId('step-phrase')).toHaveText('Starts Jenkins job releases/web on https://ci.example.com with VERSION = variable version and waits until it starts.');
  const built = page.locator('[data-testid="step-doc"][data-step="built"]');
  await expect(built.getByTestId('step-phrase')).toContainText('Waits for jenkins / build-finished where the awaited event\'s payload.build.number is buildNumber from step build');
  await expect(page.getByTestId('process-graph').getByTestId('editor-node-built')).toBeVisible();

  // The chain: the CI callback it waits for is documented on Processes, with the workflow it starts.
  await built.getByTestId('chain-link').click();
  await expect(page).toHaveURL(/\/processes#ev-jenkins\/build-finished$/);
  const callback = page.locator('[id="ev-jenkins/build-finished"]');
  await expect(callback.getByRole('link', { name: `${release} › built` })).toBeVisible();
  const next = callback.getByTestId('process-workflow').filter({ hasText: deploy });
  await expect(next).toContainText('Runs only when the event\'s payload.build.status is "SUCCESS".');
  await next.getByTestId('process-workflow-link').click();
  await expect(page).toHaveURL(new RegExp(`/workflows/${deploy}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(deploy);
  // …and links back to the release workflow that waits for the same callback.
  await expect(page.getByTestId('how-it-works')).toContainText('Shares its event with');
  await expect(page.getByTestId('how-it-works').getByRole('link', { name: release, exact: true })).toBeVisible();
});
