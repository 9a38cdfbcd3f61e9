// End-to-end tests against a production build (`next start`) plus a real worker, on port 3100.
// `npm test` (scripts/test.mjs) provides the isolated DATABASE_URL, REDIS_URL and test secrets.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, defineConfig } from '@playwright/test';
import { MAILBOX_URL, SMTP_PORT } from './e2e/support/mailbox';

const PORT = 3100;
const baseURL = `http://localhost:${PORT}`; // localhost, not 127.0.0.1: next-auth cookies are host-bound

// Prefer Playwright's own Chromium when it is installed; otherwise Debian's (browsers cannot be
// downloaded on every machine), with flags that keep it quiet and sandbox-free as root.
const bundled = fs.existsSync(chromium.executablePath());
const system = '/usr/bin/chromium';
const launchOptions = !bundled && fs.existsSync(system)
  ? {
      executablePath: system,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    }
  : {};

// A server already on 3100 may be stale (old build, other database): reuse it only in local dev runs.
const reuseExistingServer = !process.env.CI && !process.env.RAILYARD_TEST_RUN;
// The demo pipeline's git repository (e2e/support/demo.ts seeds it there): git steps may use it.
const demoGit = path.resolve('.railyard/e2e-demo-git');
const localRemotes = [process.env.RAILYARD_GIT_LOCAL_REMOTES, demoGit].filter(Boolean).join(path.delimiter);
// Mail goes to a real local SMTP server the specs can read (e2e/support/smtp-capture.mjs).
const smtpUrl = `smtp://127.0.0.1:${SMTP_PORT}`;
const env = { ...process.env, PORT: String(PORT), NEXTAUTH_URL: baseURL, RAILYARD_GIT_LOCAL_REMOTES: localRemotes, SMTP_URL: smtpUrl } as Record<string, string>;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false, // one shared database
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  globalSetup: './e2e/global-setup.ts',
  use: { baseURL, launchOptions, screenshot: 'only-on-failure', trace: 'retain-on-failure' },
  webServer: [
    {
      name: 'smtp',
      command: 'node e2e/support/smtp-capture.mjs',
      url: MAILBOX_URL,
      reuseExistingServer,
      stdout: 'pipe',
    },
    {
      name: 'web',
      // What npm start runs: Next behind scripts/web-server.mjs, with the lean intake and live stream.
      command: `node scripts/web-server.mjs -p ${PORT}`,
      url: baseURL,
      env: { ...env, NODE_ENV: 'production' },
      reuseExistingServer,
      timeout: 120_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    {
      name: 'worker',
      command: 'node_modules/.bin/tsx worker/index.ts',
      env,
      reuseExistingServer,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
