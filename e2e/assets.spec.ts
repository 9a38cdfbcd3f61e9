// The browser's own requests for the site icon are answered (they were 404s), anonymously, and the
// app shell shows the same logo.
import { expect, test } from '@playwright/test';
import { signInAs } from './support/auth';

test('favicon and logo are served to anyone, and the header shows the logo', async ({ page, request }) => {
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // ICO magic

  const logo = await request.get('/logo.svg');
  expect(logo.status()).toBe(200);
  expect(logo.headers()['content-type']).toContain('image/svg+xml');

  await page.goto('/signin');
  await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await signInAs(page, 'viewer'); // through the API: the page itself still shows sign-in
  await page.goto('/');
  await expect(page.locator('header img[src="/logo.svg"], aside img[src="/logo.svg"]').first()).toBeVisible();
});
