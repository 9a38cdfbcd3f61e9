// No process a step started outlives it: shell.run and plugin children lead their own process
// group, and cancelling, a timeout, the command's own end, or the worker process exiting kills the
// whole group (here checked against the kernel's process table, /proc).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { shellRunHandler } from '../handlers/shell-run';
import { runPlugin } from '../plugins/run-plugin';
import { handlerInput, writeExe } from '../plugins/test-support';
import { actionInput, tempDir } from '../testing/action-input';
import { groupGone, groupMembers, isRunning, waitForFile } from '../testing/process-tree';

let ws: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => (ws = await tempDir()));
afterEach(() => ws.remove());

const params = (p: Record<string, unknown>) => actionCatalog['shell.run'].params.parse(p);
// A grandchild in the background plus a foreground sleep; the shell records its group and the pid.
const TREE = 'echo $$ > pgid; sleep 300 & echo $! > bg.pid; echo started; sleep 300';
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (err: Error) => err);

async function recorded(dir: string) {
  const pgid = Number(await waitForFile(join(dir, 'pgid')));
  const bg = Number(await waitForFile(join(dir, 'bg.pid')));
  return { pgid, bg };
}

describe('shell.run leaves no process behind', () => {
  it('when the step is cancelled: the shell, its foreground sleep and the background grandchild all die', async () => {
    const t = actionInput(params({ command: TREE }), ws.path);
    const running = failure(shellRunHandler(t.input));
    const { pgid, bg } = await recorded(ws.path);
    expect(groupMembers(pgid).length).toBeGreaterThanOrEqual(3); // sh, sleep &, sleep
    t.controller.abort();
    expect((await running).message).toMatch(/aborted/);
    expect(await groupGone(pgid)).toBe(true);
    expect(isRunning(bg)).toBe(false);
  });

  it('when the step times out', async () => {
    const t = actionInput(params({ command: TREE, timeoutMs: 500 }), ws.path);
    expect((await failure(shellRunHandler(t.input))).message).toMatch(/timed out after 500 ms/);
    const { pgid, bg } = await recorded(ws.path);
    expect(await groupGone(pgid)).toBe(true);
    expect(isRunning(bg)).toBe(false);
  });

  it('when the command succeeds but left a background process with its output redirected', async () => {
    const t = actionInput(params({ command: 'echo $$ > pgid; sleep 300 > /dev/null 2>&1 & echo $! > bg.pid; echo done' }), ws.path);
    await shellRunHandler(t.input);
    const { pgid, bg } = await recorded(ws.path);
    expect(await groupGone(pgid)).toBe(true);
    expect(isRunning(bg)).toBe(false);
  });
});

describe('plugins leave no process behind', () => {
  it('when the step is cancelled', async () => {
    const plugin = await writeExe(ws.path, 'railyard-action-tree', `cat > /dev/null\n${TREE}`);
    const controller = new AbortController();
    const running = failure(runPlugin(plugin, handlerInput({}, ws.path, controller.signal).input, { killGraceMs: 300 }));
    const { pgid, bg } = await recorded(ws.path);
    controller.abort();
    expect((await running).message).toMatch(/cancelled or timed out/);
    expect(await groupGone(pgid)).toBe(true);
    expect(isRunning(bg)).toBe(false);
  });

  it('when it exits and leaves a background process', async () => {
    const plugin = await writeExe(ws.path, 'railyard-action-bg', `cat > /dev/null\necho $$ > pgid; sleep 300 > /dev/null 2>&1 & echo $! > bg.pid; echo '{}'`);
    await runPlugin(plugin, handlerInput({}, ws.path).input);
    const { pgid, bg } = await recorded(ws.path);
    expect(await groupGone(pgid)).toBe(true);
    expect(isRunning(bg)).toBe(false);
  });
});

describe('a worker process that exits', () => {
  it('kills the groups of the steps it was still running, synchronously on its way out', async () => {
    // A real child Node process runs shell.run and calls process.exit while the command runs.
    const handler = fileURLToPath(new URL('../handlers/shell-run.ts', import.meta.url));
    const script = await writeExe(ws.path, 'exit-midway.ts', `#!/usr/bin/env -S node_modules/.bin/tsx
import { shellRunHandler } from ${JSON.stringify(handler)};
const input = { params: { command: ${JSON.stringify(TREE)} }, signal: new AbortController().signal, log: () => {},
  workspace: async () => ${JSON.stringify(ws.path)}, idempotencyKey: 'k' } as never;
void shellRunHandler(input);
setTimeout(() => process.exit(0), 700);
`);
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    const child = spawn(tsx, [script], { cwd: fileURLToPath(new URL('../../..', import.meta.url)), stdio: 'inherit' });
    const { pgid, bg } = await recorded(ws.path);
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    // No grace period here: the exit hook sends SIGKILL before the process is gone.
    expect(await groupGone(pgid, 1_000)).toBe(true);
    expect(isRunning(bg)).toBe(false);
  }, 20_000);
});
