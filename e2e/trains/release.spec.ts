// The flagship use, as a product manager does it: a releaser opens the pipeline, reads the
// pre-flight panel, presses Start release, confirms, and watches the train go station by station
// without reloading; Start is disabled with the reason while the train runs; someone else approves
// the production gate and the train arrives. Screenshots of the pages, light and dark, for review.
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from '../support/auth';
import { seedSmallPipeline } from '../support/trains';

// In the test's output folder (test-results/… unless the config says otherwise).
async function screenshots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let the colour transitions (150 ms) finish, or the picture catches buttons half-way.
    await page.waitForTimeout(400);
    await page.screenshot({ path: test.info().outputPath(`${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a releaser starts a release and watches the train arrive', async ({ page, request, browser }) => {
  test.setTimeout(120_000);
  const p = await seedSmallPipeline(request);

  await signInAs(page, 'releaser');
  await page.goto(`/pipelines/${p.key}`);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-live', 'live');

  // Pre-flight: the version, who boards, who stays behind and why, the stations ahead.
  const panel = page.getByTestId('preflight-panel');
  await expect(panel.getByTestId('preflight-version')).toHaveText('1.4.0');
  await expect(panel.getByTestId(`boarding-${p.ready.key}`)).toContainText(p.ready.title);
  await expect(panel.getByTestId(`not-ready-${p.open.key}`)).toContainText(p.open.title);
  await expect(panel.getByTestId('preflight-stations')).toContainText('Cut branch');
  await expect(panel.getByTestId('preflight-stations')).toContainText('Production');
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

  // The train moves live: the cut is reached, the build runs, the production gate waits.
  await expect(page.getByTestId('line-station-cut')).toHaveAttribute('data-status', 'reached', { timeout: 20_000 });
  await expect(page.getByTestId('line-station-preprod')).toHaveAttribute('data-status', /active|reached/);
  await expect(page.getByTestId('line-station-preprod')).toHaveAttribute('data-status', 'reached', { timeout: 20_000 });
  await expect(page.getByTestId('train-marker')).toHaveAttribute('data-station', 'prod');
  await expect(page.getByTestId('station-prod').getByText('Needs approval')).toBeVisible({ timeout: 20_000 });
  expect(navigations, 'the train page must update without navigating').toEqual([]);

  // The changelog the cut workflow wrote: commits and ticket keys; the manifest holds the ready feature.
  const changelog = page.getByTestId('changelog');
  await expect(changelog).toContainText('3fa2c1d');
  await expect(changelog.getByTestId('changelog-ticket').filter({ hasText: 'SHOP-101' })).toBeVisible();
  await expect(page.getByTestId(`feature-${p.ready.key}`)).toHaveAttribute('data-status', 'aboard');
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
  const item = inbox.getByTestId('approval-item').filter({ hasText: 'Deploy 1.4.0 to production?' });
  await item.getByTestId('approval-approve').click();
  await approver.close();

  // The train arrives, live, on the page that stayed open.
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'arrived', { timeout: 20_000 });
  await expect(page.getByTestId('line-station-prod')).toHaveAttribute('data-status', 'reached');
  await expect(page.getByTestId(`feature-${p.ready.key}`)).toHaveAttribute('data-status', 'released');
  expect(page.url()).toBe(trainUrl);
  expect(navigations).toEqual([]);
  await screenshots(page, 'train-arrived');

  // History and metrics show the release.
  await page.goto(`/pipelines/${p.key}/history`);
  await expect(page.getByTestId('history-train-1')).toHaveAttribute('data-status', 'arrived');
  await page.getByTestId('history-train-1').locator('summary').click();
  await expect(page.getByTestId('history-train-1').getByTestId('changelog')).toContainText('SHOP-102');
  await screenshots(page, 'history');
  await page.goto(`/pipelines/${p.key}/metrics`);
  await expect(page.getByTestId('metric-deploymentFrequencyPerWeek')).toContainText('1 in 90 days');
  await expect(page.getByTestId('metric-definition-changeFailureRate')).toContainText('failed');
  await screenshots(page, 'metrics');
  await page.goto('/trains');
  await expect(page.getByTestId(`track-card-${p.key}`)).toHaveAttribute('data-busy', 'false');
  await screenshots(page, 'board');
});
