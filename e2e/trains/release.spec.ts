// The flagship use, as a product manager does it, on the seeded demo pipeline shop-web (its git
// repository and the sandbox Jira and Jenkins): a releaser opens the pipeline, reads the pre-flight
// panel, presses Start release, confirms, and watches the train go station by station without
// reloading, the sandbox CI's callback moving it past Preproduction build; Start is disabled with
// the reason while the train runs; someone else approves the production gate and the train
// arrives. Screenshots of the pages, light and dark, for review.
import { expect, test } from '@playwright/test';
import type { SandboxProcess } from '../../tests/support/sandbox-process';
import { signInAs } from '../support/auth';
import { screenshots } from '../support/screenshots';
import { seedDemoPipeline } from '../support/demo';

const p = {
  key: 'shop-web',
  boarding: ['SHOP-101', 'SHOP-104', 'SHOP-107'],
  notReady: { key: 'SHOP-110', title: 'Share a wishlist by link' },
};
// No retry: the first try leaves its train and features in the database, so a second try on the
// same database would only fail on the seed and hide the first failure's report.
test.describe.configure({ retries: 0 });
// Generous: git clones and pushes on two shared cores; the spec waits, it never times.
const station = { timeout: 90_000 };

let sandbox: SandboxProcess | undefined;
test.beforeAll(async ({ request, baseURL }) => {
  sandbox = await seedDemoPipeline(request, baseURL!);
});
test.afterAll(async () => {
  await sandbox?.stop();
});

test('a releaser starts a release of the demo pipeline and watches the train arrive', async ({ page, browser }) => {
  test.setTimeout(420_000);

  await signInAs(page, 'releaser');
  await page.goto(`/pipelines/${p.key}`);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-live', 'live');

  // Pre-flight: the version, who boards, who stays behind and why, the stations ahead.
  const panel = page.getByTestId('preflight-panel');
  await expect(panel.getByTestId('preflight-version')).toHaveText('1.4.0');
  for (const key of p.boarding) await expect(panel.getByTestId(`boarding-${key}`)).toBeVisible();
  await expect(panel.getByTestId(`not-ready-${p.notReady.key}`)).toContainText(p.notReady.title);
  for (const name of ['Cut branch', 'Preproduction build', 'Test environment', 'Production']) {
    await expect(panel.getByTestId('preflight-stations')).toContainText(name);
  }
  await expect(page.getByTestId(`track-${p.key}`)).toBeVisible();
  await expect(page.getByTestId('train-marker')).toHaveCount(0);
  await screenshots(page, 'pipeline-preflight');

  await page.getByTestId('start-release').click();
  await page.getByTestId('start-confirm').click();
  await page.waitForURL(/\/trains\/[^/]+$/);
  const trainUrl = page.url();
  await expect(page.getByTestId('train-version')).toHaveText('1.4.0');
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-live', 'live');
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));

  // The train moves live: the branch is cut, the sandbox CI's callback reaches Preproduction build,
  // the test environment is deployed, and the production gate waits for an approval.
  await expect(page.getByTestId('line-station-cut')).toHaveAttribute('data-status', 'reached', station);
  await expect(page.getByTestId('line-station-preprod')).toHaveAttribute('data-status', 'reached', station);
  await expect(page.getByTestId('line-station-test')).toHaveAttribute('data-status', 'reached', station);
  await expect(page.getByTestId('train-marker')).toHaveAttribute('data-station', 'production');
  await expect(page.getByTestId('station-production').getByText('Needs approval')).toBeVisible(station);
  expect(navigations, 'the train page must update without navigating').toEqual([]);
  // The event station names the event that reached it (the sandbox CI's callback), as a link.
  const reachedByEvent = page.getByTestId('station-event-preprod');
  await expect(reachedByEvent).toBeVisible();
  const eventHref = await reachedByEvent.getAttribute('href');
  expect(eventHref).toMatch(/^\/events\/[a-z0-9]+$/);

  // The changelog: the demo repository's commits since v1.3.0 with their ticket keys; the manifest holds the ready features.
  const changelog = page.getByTestId('changelog');
  for (const key of ['SHOP-101', 'SHOP-102', 'SHOP-104', 'SHOP-105', 'SHOP-107']) {
    await expect(changelog.getByTestId('changelog-ticket').filter({ hasText: key }).first()).toBeVisible();
  }
  await expect(changelog).toContainText(/guest checkout without an account/i);
  for (const key of p.boarding) await expect(page.getByTestId(`feature-${key}`)).toHaveAttribute('data-status', 'aboard');
  await screenshots(page, 'train-running');

  // While the train runs, Start is disabled and says which train holds the track.
  const pipelinePage = await page.context().newPage();
  await pipelinePage.goto(`/pipelines/${p.key}`);
  await expect(pipelinePage.getByTestId('start-release')).toBeDisabled();
  await expect(pipelinePage.getByTestId('start-release-reason')).toContainText(/busy/i);
  await expect(pipelinePage.getByTestId('preflight-busy')).toContainText('Production');
  await screenshots(pipelinePage, 'pipeline-busy');
  await pipelinePage.close();

  // Someone else approves the production gate from the approval inbox (one does not approve one's own release).
  const approver = await browser.newContext();
  const inbox = await approver.newPage();
  await signInAs(inbox, 'admin');
  await inbox.goto('/approvals');
  const item = inbox.getByTestId('approval-item').filter({ hasText: 'shop-web 1.4.0' });
  // Wait for the decision's answer before closing: closing the context would cancel the request.
  const decided = inbox.waitForResponse((r) => r.url().endsWith('/steps/approve/decision') && r.request().method() === 'POST');
  await item.getByTestId('approval-approve').click();
  expect((await decided).status()).toBeLessThan(300);
  await approver.close();

  // The train arrives, live, on the page that stayed open.
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'arrived', station);
  await expect(page.getByTestId('line-station-production')).toHaveAttribute('data-status', 'reached');
  for (const key of p.boarding) await expect(page.getByTestId(`feature-${key}`)).toHaveAttribute('data-status', 'released');
  expect(page.url()).toBe(trainUrl);
  expect(navigations).toEqual([]);
  await screenshots(page, 'train-arrived');

  // That link opens the CI's build-finished event.
  await page.getByTestId('station-event-preprod').click();
  await page.waitForURL(`**${eventHref}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('jenkins');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('build-finished');

  // History and metrics show the release.
  await page.goto(`/pipelines/${p.key}/history`);
  await expect(page.getByTestId('history-train-1')).toHaveAttribute('data-status', 'arrived');
  await page.getByTestId('history-train-1').locator('summary').click();
  await expect(page.getByTestId('history-train-1').getByTestId('changelog')).toContainText('SHOP-105');
  await screenshots(page, 'history');
  await page.goto(`/pipelines/${p.key}/metrics`);
  await expect(page.getByTestId('metric-deploymentFrequencyPerWeek')).toContainText('1 in 90 days');
  await expect(page.getByTestId('metric-definition-changeFailureRate')).toContainText('failed');
  await screenshots(page, 'metrics');
  await page.goto('/trains');
  await expect(page.getByTestId(`track-card-${p.key}`)).toHaveAttribute('data-busy', 'false');
  await screenshots(page, 'board');
});
