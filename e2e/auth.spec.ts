// Signing in and out, as a person does it, and personal API tokens from the profile page.
import { expect, test } from '@playwright/test';
import { signInAs } from './support/auth';
import { PEOPLE } from './support/people';

test('an anonymous visit to a page goes to sign-in and comes back after signing in', async ({ page }) => {
  await page.goto('/runs');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fruns$/);

  await page.getByTestId('signin-email').fill(PEOPLE.admin.email);
  await page.getByTestId('signin-password').fill('not-the-password');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toContainText(/wrong email or password/i);
  await expect(page).toHaveURL(/\/signin/);

  await page.getByTestId('signin-password').fill(PEOPLE.admin.password);
  await page.getByTestId('signin-submit').click();
  await expect(page).toHaveURL(/\/runs$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Runs' })).toBeVisible();
  await expect(page.getByTestId('user-role')).toHaveText('admin');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/signin$/);
  // The session is gone: pages redirect again and the API answers 401.
  await page.goto('/events');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fevents$/);
  expect((await page.request.get('/api/me')).status()).toBe(401);
});

test('the API answers 401 to anonymous callers instead of redirecting', async ({ request }) => {
  const res = await request.get('/api/runs', { maxRedirects: 0 });
  expect(res.status()).toBe(401);
});

test('a personal token is shown once, works as a Bearer token, and stops working when revoked', async ({ page, request }) => {
  await signInAs(page, 'editor');
  await page.goto('/profile');
  await expect(page.getByTestId('profile-role')).toHaveText('editor');

  const name = `e2e token ${Date.now()}`;
  await page.getByTestId('token-name').fill(name);
  await page.getByTestId('token-role').selectOption('viewer');
  await page.getByTestId('token-create').click();
  const token = (await page.getByTestId('token-value').textContent())?.trim() ?? '';
  expect(token).toMatch(/^ry_/);
  const row = page.getByTestId('token-row').filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 7));
  await expect(row).not.toContainText(token); // the list shows the prefix only

  // `request` has its own cookie jar (no session): only the token authenticates it.
  const asToken = () => request.get('/api/me', { headers: { authorization: `Bearer ${token}` } });
  const me = await asToken();
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ kind: 'token', role: 'viewer', email: PEOPLE.editor.email });

  // Once the page is reloaded the token is never shown again.
  await page.reload();
  await expect(page.getByTestId('token-value')).toHaveCount(0);

  await page.getByTestId('token-row').filter({ hasText: name }).getByTestId('token-revoke').click();
  await expect(page.getByTestId('token-row').filter({ hasText: name })).toHaveCount(0);
  expect((await asToken()).status()).toBe(401);
});

test('people without the admin role see no Users link and the API refuses them', async ({ page }) => {
  await signInAs(page, 'viewer');
  await page.goto('/');
  await expect(page.getByTestId('user-role')).toHaveText('viewer');
  await expect(page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
  expect((await page.request.get('/api/users')).status()).toBe(403);
});
