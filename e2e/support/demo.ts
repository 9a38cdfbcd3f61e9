// The seeded demo pipeline for e2e specs: the sandbox (Jira and Jenkins stand-ins) as a child
// process calling back the web server under test, the `jenkins` and `jira` sources it calls, and
// the demo seed (shop-web) into the e2e database. The worker reads the demo repository from
// E2E_DEMO_GIT_DIR, which playwright.config.ts lists in RAILYARD_GIT_LOCAL_REMOTES.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { startSandbox, type SandboxProcess } from '../../tests/support/sandbox-process';
import { ensureSource } from './api';

export const E2E_DEMO_GIT_DIR = path.resolve('.railyard/e2e-demo-git');
// The token the sandbox presents to Railyard's webhooks; the same one e2e/live-run.spec.ts gives jenkins.
const HOOK_TOKEN = 'e2e-jenkins-token';

export async function seedDemoPipeline(request: APIRequestContext, baseURL: string): Promise<SandboxProcess> {
  for (const [key, name] of [['jenkins', 'Jenkins'], ['jira', 'Jira']]) {
    await ensureSource(request, { key, name, preset: key, auth: { mode: 'token', secret: HOOK_TOKEN } });
  }
  const sandbox = await startSandbox({
    RAILYARD_SANDBOX_CALLBACK_URL: baseURL,
    RAILYARD_SANDBOX_HOOK_TOKEN: HOOK_TOKEN,
    RAILYARD_SANDBOX_START_MS: '300',
    RAILYARD_SANDBOX_BUILD_MS: '2500',
  });
  execFileSync('node_modules/.bin/tsx', ['e2e/support/seed-demo-release.ts'], {
    stdio: 'inherit',
    env: { ...process.env, DEMO_GIT_DIR: E2E_DEMO_GIT_DIR, DEMO_SANDBOX_URL: sandbox.url, DEMO_RAILYARD_URL: baseURL },
  });
  return sandbox;
}
