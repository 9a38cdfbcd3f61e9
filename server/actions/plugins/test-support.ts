// Helpers shared by the plugin unit tests: a temp folder of plugin executables and a handler input.
import { chmod, copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionInput } from '../types';

export const EXAMPLE = fileURLToPath(new URL('../../../plugins/railyard-action-tcp-check', import.meta.url));

export const tempDir = (prefix = 'ry-plugins-') => mkdtemp(path.join(tmpdir(), prefix));

/** Writes an executable file (a shell script unless the text has its own shebang). */
export async function writeExe(dir: string, name: string, text: string, mode = 0o755): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text.startsWith('#!') ? text : `#!/bin/sh\n${text}\n`);
  await chmod(file, mode);
  return file;
}

export async function copyExample(dir: string): Promise<string> {
  const file = path.join(dir, path.basename(EXAMPLE));
  await copyFile(EXAMPLE, file);
  await chmod(file, 0o755);
  return file;
}

export type Logged = { level: string; message: string }[];

export function handlerInput(params: Record<string, unknown>, cwd: string, signal = new AbortController().signal) {
  const logs: Logged = [];
  const input: ActionInput<Record<string, unknown>> = {
    params,
    context: {
      event: { id: 'ev1', source: 'deploy-script', type: 'deployed', payload: { secret: 'not-sent' }, headers: {}, receivedAt: '2024-01-01T00:00:00Z' },
      steps: {},
      vars: {},
      secrets: { TOKEN: 'never-sent-to-plugins' },
      run: { id: 'run1', number: 7, workflow: 'deploy', version: 2 },
    },
    idempotencyKey: 'run1.check.1',
    signal,
    log: (level, message) => logs.push({ level, message }),
    resume: null,
    now: () => new Date(),
    workspace: async () => cwd,
  };
  return { input, logs };
}
