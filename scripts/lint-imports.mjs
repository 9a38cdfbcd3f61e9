// `npm run lint:imports`: checks DESIGN.md's import rules (.dependency-cruiser.cjs).
// Calls dependency-cruiser's API rather than its CLI because the CLI of v18 refuses Node 20
// (engines ^22), while the API works; and it only passes folders that exist yet.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));
const dirs = ['app', 'components', 'lib', 'engine', 'server', 'worker', 'cli', 'scripts', 'prisma', 'tests', 'e2e']
  .filter((d) => fs.existsSync(d));

const { tsConfig, ...options } = config.options;
const parsedTsConfig = createRequire(import.meta.url)('typescript').parseJsonConfigFileContent(
  createRequire(import.meta.url)('typescript').readConfigFile(tsConfig.fileName, (f) => fs.readFileSync(f, 'utf8')).config,
  { fileExists: fs.existsSync, readFile: (f) => fs.readFileSync(f, 'utf8'), readDirectory: () => [], useCaseSensitiveFileNames: true },
  root,
);
const result = await cruise(dirs, { ...options, ruleSet: { forbidden: config.forbidden }, validate: true, outputType: 'err', tsConfig }, undefined, { tsConfig: parsedTsConfig });
process.stdout.write(result.output);
process.exit(result.exitCode ? 1 : 0);
