// A releaser derails a train whose production gate is waiting: from the train page, with a reason.
// The train shows derailed with the reason, its run is cancelled (so the gate leaves the approval
// inbox and can no longer deploy), and its feature is ready again for the next train. A pipeline
// of its own: the demo's shop-web belongs to the release spec. Screenshots, light and dark.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInAs } from '../support/auth';
import { screenshots } from '../support/screenshots';
import { createFeature, createOneStationPipeline, uniqueSuffix } from '../support/api';

async function seedPipeline(request: APIRequestContext) {
  const key = await createOneStationPipeline(request, {
    prefix: 'e2e-derail', name: 'Derail', initial: '3.0.0', station: { key: 'prod', name: 'Production', production: true },
    steps: (key) => `  - id: approve
    action: approval.request
    with: { message: "Ship ${key} {{ event.payload.train.version }} to production?" }
  - { id: deploy, action: log, needs: [approve], with: { message: deployed } }`,
  });
  const feature = `DRL-${uniqueSuffix().toUpperCase()}`;
  await createFeature(request, { key: feature, title: 'Faster checkout', pipeline: key, status: 'ready' });
  return { key, feature };
}

test('a releaser derails a train waiting at its production gate; the gate is cancelled and the feature is ready again', async ({ page, request }) => {
  const { key, feature } = await seedPipeline(request);
  await signInAs(page, 'releaser');
  await page.goto(`/pipelines/${key}`);
  await page.getByTestId('start-release').click();
  await page.getByTestId('start-confirm').click();
  await page.waitForURL(/\/trains\/[^/]+$/);
  await expect(page.getByTestId('station-prod').getByText('Needs approval')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId(`feature-${feature}`)).toHaveAttribute('data-status', 'aboard');

  await page.getByTestId('derail-open').click();
  await expect(page.getByTestId('derail-confirm')).toBeDisabled(); // a reason is required
  await page.getByTestId('derail-reason').fill('Checkout is broken on preprod');
  await page.getByTestId('derail-confirm').click();

  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'derailed');
  await expect(page.getByTestId('derail-reason-shown')).toContainText('Checkout is broken on preprod');
  await expect(page.getByTestId('derail-open')).toHaveCount(0);
  const run = page.getByTestId('station-prod').locator('[data-testid^="station-run-"]');
  await expect(run).toHaveAttribute('data-status', 'cancelled');
  // The station it was at stopped with it: no longer shown as in progress.
  await expect(page.getByTestId('station-status-prod')).toHaveAttribute('data-status', 'derailed');
  await expect(page.getByTestId('station-prod')).toContainText('stopped after');
  await expect(page.getByTestId(`feature-${feature}`)).toHaveAttribute('data-status', 'ready');
  await screenshots(page, 'train-derailed');

  // The gate it left behind is gone from the approval inbox: nobody can approve a derailed release.
  await page.goto('/approvals');
  await expect(page.getByRole('heading', { name: 'Approvals' })).toBeVisible();
  await expect(page.getByTestId('approval-item').filter({ hasText: `Ship ${key}` })).toHaveCount(0);
});
