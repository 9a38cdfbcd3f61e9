import { chromium } from '@playwright/test';
import { encode } from 'next-auth/jwt';
const base = 'http://localhost:3400';
const token = await encode({ token: { sub: 'cmwsbd6nu0000xd7dlc0gxr52', name: 'admin' }, secret: process.env.SECRET });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const ctx = await browser.newContext();
await ctx.addCookies([{ name: 'next-auth.session-token', value: token, domain: 'localhost', path: '/' }]);
const page = await ctx.newPage();
const problems = [];
page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy|Refused/.test(m.text())) problems.push(`${page.url()} console: ${m.text().slice(0, 200)}`); });
page.on('pageerror', (e) => problems.push(`${page.url()} pageerror: ${e.message.slice(0, 200)}`));
for (const path of ['/signin', '/', '/workflows', '/workflows/jenkins-build-deploy', '/runs', '/events', '/send']) {
  const res = await page.goto(base + path, { waitUntil: 'networkidle', timeout: 90_000 }).catch((e) => ({ status: () => e.message }));
  await page.waitForTimeout(1500);
  const flow = await page.locator('.react-flow').count();
  console.log(path, '→', res?.status?.(), page.url().replace(base, ''), 'h1:', (await page.locator('h1').first().textContent().catch(() => ''))?.slice(0, 40), flow ? `react-flow nodes: ${await page.locator('.react-flow__node').count()}` : '');
}
console.log(problems.length ? problems.join('\n') : 'no console errors / CSP violations');
await browser.close();
