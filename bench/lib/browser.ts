// Chromium for the editor bench, chosen like playwright.config.ts does: Playwright's own build
// when installed, else Debian's /usr/bin/chromium with the flags that keep it quiet as root.
import fs from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const SYSTEM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function browserLaunchOptions(): LaunchOptions {
  if (fs.existsSync(chromium.executablePath())) return {};
  if (fs.existsSync(SYSTEM)) return { executablePath: SYSTEM, args: ARGS };
  throw new Error(`no Chromium: neither Playwright's (${chromium.executablePath()}) nor ${SYSTEM}`);
}
