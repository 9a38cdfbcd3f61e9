// The web app under test. Preferred: the real `next start` (production build). Where the build
// comes from matters because others work in this checkout: the lead's `next dev` shares `.next`,
// and a failed `next build` deletes `.next`. So we never build in the checkout: when its `.next`
// is not a fresh production build, we snapshot the sources into `<cacheDir>/web` and build there;
// the snapshot's build is reused while the sources are unchanged.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIsFresh, sourceHash } from '../../scripts/lib/build.mjs';

// Everything at the top level except these: `next build` type-checks every .ts file the tsconfig
// includes (tests, scripts, e2e), so a partial copy fails. bench/ itself is left out so that an
// edit to the bench never forces a rebuild of the web app.
const SKIP = new Set(['node_modules', '.next', '.railyard', '.git', '.bench-node-modules-stamp', '.bench-failed-build', 'bench', 'test-results', 'playwright-report', 'tsconfig.tsbuildinfo']);

export type WebBuild = { dir: string; origin: 'checkout' | 'snapshot'; action: 'fresh' | 'built' } | { error: string };

export async function ensureWebBuild(root: string, cacheDir: string, log: (line: string) => void): Promise<WebBuild> {
  if (buildIsFresh(root)) return { dir: root, origin: 'checkout', action: 'fresh' };
  const dir = path.join(cacheDir, 'web');
  fs.mkdirSync(dir, { recursive: true });
  for (const name of fs.readdirSync(dir)) if (!SKIP.has(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  for (const name of fs.readdirSync(root)) if (!SKIP.has(name)) fs.cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
  // Tailwind's class scanner honours .gitignore files of the enclosing git repository; inside the
  // checkout's ignored `.railyard/` it ends up walking everything (minutes of CPU). Its own repo
  // makes the snapshot's .gitignore apply, as it does in the checkout.
  if (!fs.existsSync(path.join(dir, '.git'))) execFileSync('git', ['init', '-q', dir]);
  linkNodeModules(root, dir);
  if (buildIsFresh(dir)) return { dir, origin: 'snapshot', action: 'fresh' };
  const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } as NodeJS.ProcessEnv;
  const hash = sourceHash(dir); // before building, like scripts/lib/build.mjs
  const t0 = Date.now();
  // A build that failed for exactly these sources fails again: skip minutes of compiling.
  const failedStamp = path.join(dir, '.bench-failed-build');
  if (fs.existsSync(failedStamp) && fs.readFileSync(failedStamp, 'utf8').startsWith(hash)) {
    return { error: `next build failed earlier for these same sources (${fs.readFileSync(failedStamp, 'utf8').slice(hash.length + 1)})` };
  }
  log('web: sources changed since the last bench build; running `next build` in the snapshot (this run will take longer)…');
  let build = await nextBuild(dir, env);
  if (!build.ok && /panicked|Failed to lookup task ids/.test(build.output)) {
    // A failed build can leave Turbopack's cache referring to deleted files (every later build then
    // panics): retry once from a clean .next. Type errors are not retried; they would fail again.
    log('web: Turbopack cache is corrupt; retrying once without it…');
    fs.rmSync(path.join(dir, '.next'), { recursive: true, force: true });
    build = await nextBuild(dir, env);
  }
  if (!build.ok) {
    const reason = build.output.match(/^.*(error TS\d+|Error:).*$/m)?.[0]?.trim() ?? 'see output above';
    fs.writeFileSync(failedStamp, `${hash}\n${reason}`);
    return { error: `next build failed (${reason})` };
  }
  fs.writeFileSync(path.join(dir, '.next', 'railyard-build-stamp'), hash); // what buildIsFresh checks
  log(`web: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { dir, origin: 'snapshot', action: 'built' };
}

/**
 * Turbopack refuses files outside the project root, so a node_modules symlink to the checkout
 * fails; a hard-linked copy (`cp -al`, seconds, no extra disk) is inside the root. It is redone
 * when package-lock.json changes, since `npm install` replaces files rather than editing them.
 */
function linkNodeModules(root: string, dir: string) {
  const lock = fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8');
  const stamp = path.join(dir, '.bench-node-modules-stamp');
  const target = path.join(dir, 'node_modules');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lock && fs.existsSync(target)) return;
  fs.rmSync(target, { recursive: true, force: true });
  execFileSync('cp', ['-al', path.join(root, 'node_modules'), target]);
  fs.writeFileSync(stamp, lock);
}

/** `next build`, output shown as it comes and kept to tell a corrupt cache from a code error. */
function nextBuild(dir: string, env: NodeJS.ProcessEnv): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(dir, 'node_modules/.bin/next'), ['build'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      process.stdout.write(chunk);
      output = (output + chunk).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code) => resolve({ ok: code === 0, output }));
    child.on('error', (err) => resolve({ ok: false, output: err.message }));
  });
}
