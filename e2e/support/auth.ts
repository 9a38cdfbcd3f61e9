// Signing in through the API, as the sign-in page does: next-auth's CSRF token, then the
// credentials callback. `page.request` shares the browser context's cookie jar, so the session
// cookie set here is the one the page then sends.
import { expect, type Page } from '@playwright/test';
import { PEOPLE, type E2eRole } from './people';

export async function signIn(page: Page, email: string, password: string) {
  const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json();
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken, json: 'true', callbackUrl: '/' },
  });
  expect(res.status(), `sign-in as ${email}: ${await res.text()}`).toBe(200);
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(200);
  return me.json() as Promise<{ name: string; email: string; role: E2eRole }>;
}

export const signInAs = (page: Page, role: E2eRole) => signIn(page, PEOPLE[role].email, PEOPLE[role].password);
