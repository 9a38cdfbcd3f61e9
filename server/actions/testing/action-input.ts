// Test support for action handlers: a real temporary workspace, a real AbortController and a log
// collector that timestamps lines, so tests can check when output arrived, not only what.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionInput } from '../types';

export type LoggedLine = { level: string; message: string; at: number };

export async function tempDir(prefix = 'railyard-test-'): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export function actionInput<P>(params: P, workspacePath: string, key = 'run1.step1.1') {
  const controller = new AbortController();
  const lines: LoggedLine[] = [];
  const input: ActionInput<P> = {
    params,
    context: {
      event: { id: 'e1', source: 'test', type: 'test', payload: {}, headers: {}, receivedAt: new Date(0).toISOString() },
      steps: {},
      vars: {},
      secrets: {},
      run: { id: 'run1', number: 1, workflow: 'test', version: 1 },
    },
    idempotencyKey: key,
    signal: controller.signal,
    log: (level, message) => lines.push({ level, message, at: Date.now() }),
    resume: null,
    now: () => new Date(),
    workspace: async () => workspacePath,
  };
  return { input, controller, lines, text: () => lines.map((l) => l.message).join('\n') };
}
