// `prisma generate`, offline-safe. The Prisma CLI insists on downloading its native schema engine
// before any command, even though generate never runs it. Where that binary is absent (no internet),
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets generate proceed.
// Runs as the npm postinstall hook, so it must be plain Node with no dependencies of its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'node_modules/prisma/build/index.js');
if (!fs.existsSync(cli)) {
  console.error('generate: node_modules/prisma is missing; run `npm install` first.');
  process.exit(1);
}

function engineInstalled() {
  const dirs = ['node_modules/@prisma/engines', 'node_modules/prisma'].map((d) => path.join(root, d));
  return dirs.some((d) => fs.existsSync(d) && fs.readdirSync(d).some((f) => f.startsWith('schema-engine')));
}

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !engineInstalled()) env.PRISMA_SCHEMA_ENGINE_BINARY = '/bin/true';

const result = spawnSync(process.execPath, [cli, 'generate', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
