import { execFileSync } from 'node:child_process';

// Prisma's generated client is ESM with import.meta; run it under tsx rather than Playwright's loader.
export default function globalSetup() {
  execFileSync('node_modules/.bin/tsx', ['e2e/support/prepare.ts'], { stdio: 'inherit', env: process.env });
}
