// A releaser marks a feature ready on the pipeline page, and the next regular train carries it;
// then starts a hotfix from the pipeline page, which carries only the feature picked for it, from
// the last release's tag, through the same station. A pipeline of its own (the demo's shop-web
// belongs to the release spec). Screenshots, light and dark.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInAs } from '../support/auth';
import { screenshots } from '../support/screenshots';
import { createFeature, createOneStationPipeline, uniqueSuffix } from '../support/api';

async function seedPipeline(request: APIRequestContext) {
  const key = await createOneStationPipeline(request, {
    prefix: 'e2e-hotfix', name: 'Hotfix', initial: '3.0.0', station: { key: 'ship', name: 'Production', production: true },
    steps: () => '  - { id: ship, action: log, with: { message: "shipped {{ event.payload.train.version }}" } }',
  });
  const tag = uniqueSuffix().toUpperCase();
  const regular = `HFX-${tag}-1`;
  const urgent = `HFX-${tag}-2`;
  for (const [feature, title] of [[regular, 'Saved carts'], [urgent, 'Fix the VAT rounding']]) {
    await createFeature(request, { key: feature, title, pipeline: key, status: 'open' });
  }
  return { key, regular, urgent };
}

test('a releaser marks a feature ready and releases it, then ships a hotfix carrying only the feature picked for it', async ({ page, request }) => {
  const { key, regular, urgent } = await seedPipeline(request);
  await signInAs(page, 'releaser');
  await page.goto(`/pipelines/${key}`);

  // Nothing was released yet: no hotfix to start.
  await expect(page.getByTestId('hotfix-open')).toBeDisabled();
  await expect(page.getByTestId(`feature-${regular}`)).toHaveAttribute('data-status', 'open');
  await page.getByTestId(`feature-toggle-${regular}`).click();
  await expect(page.getByTestId(`feature-${regular}`)).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId(`feature-${urgent}`)).toHaveAttribute('data-status', 'open');

  await page.getByTestId('start-release').click();
  await page.getByTestId('start-confirm').click();
  await page.waitForURL(/\/trains\/[^/]+$/);
  await expect(page.getByTestId('train-version')).toContainText('3.0.0');
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'arrived', { timeout: 30_000 });
  await expect(page.getByTestId(`feature-${regular}`)).toBeVisible();
  await expect(page.getByTestId(`feature-${urgent}`)).toHaveCount(0); // not ready: it stayed behind

  // The hotfix: from the last release's tag, carrying only what is picked.
  await page.goto(`/pipelines/${key}`);
  await page.getByTestId('hotfix-open').click();
  await page.getByRole('checkbox', { name: new RegExp(urgent) }).check();
  await page.getByTestId('hotfix-confirm').click();
  await page.waitForURL(/\/trains\/[^/]+$/);
  await expect(page.getByText('Hotfix', { exact: true })).toBeVisible();
  await expect(page.getByTestId('train-version')).toContainText('3.0.1');
  await expect(page.getByText('v3.0.0', { exact: true })).toBeVisible(); // From tag
  await expect(page.getByTestId(`feature-${urgent}`)).toBeVisible();
  await expect(page.getByTestId(`feature-${regular}`)).toHaveCount(0);
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'arrived', { timeout: 30_000 });
  await screenshots(page, 'train-hotfix');
});
