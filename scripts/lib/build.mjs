// Rebuild the web app only when its inputs changed. We hash file contents (not mtimes) because
// `npm install` regenerates the Prisma client and a fresh clone has fresh mtimes everywhere.
// The stamp lives inside .next, so a failed build (which deletes .next) also invalidates it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { run } from './processes.mjs';

const INPUTS = ['app', 'components', 'lib', 'engine', 'server', 'public', 'prisma/schema.prisma', 'next.config.ts',
  'package-lock.json', 'tsconfig.json', 'postcss.config.mjs', 'proxy.ts', 'middleware.ts', 'instrumentation.ts'];
const SKIP = /(^|\/)(node_modules|\.next|generated)(\/|$)|\.(test|spec)\.tsx?$/;

function* files(root, rel) {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs) || SKIP.test(rel)) return;
  if (fs.statSync(abs).isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) yield* files(root, path.join(rel, name));
  } else {
    yield rel;
  }
}

export function sourceHash(root) {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const rel of files(root, input)) hash.update(rel).update('\0').update(fs.readFileSync(path.join(root, rel))).update('\0');
  }
  return hash.digest('hex');
}

const stampPath = (root) => path.join(root, '.next', 'railyard-build-stamp');

export function buildIsFresh(root) {
  const stamp = stampPath(root);
  return fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sourceHash(root);
}

/** Runs `next build` unless fresh. Resolves to 'fresh' | 'built' | 'failed'. */
export async function buildIfStale(root, env = process.env) {
  if (buildIsFresh(root)) return 'fresh';
  const hash = sourceHash(root); // taken before building so edits made during the build count as stale
  const code = await run(path.join(root, 'node_modules/.bin/next'), ['build'], { cwd: root, env });
  if (code !== 0) return 'failed';
  fs.writeFileSync(stampPath(root), hash);
  return 'built';
}
