import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { shellRunHandler } from './shell-run';

let ws: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => (ws = await tempDir()));
afterEach(() => ws.remove());

const params = (p: Record<string, unknown>) => actionCatalog['shell.run'].params.parse(p);
// Running, not a zombie: in a container without an init that reaps orphans, a killed process lingers as one.
const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] !== 'Z';
  } catch {
    return false;
  }
};

describe('shell.run', () => {
  it('streams lines to the log as they arrive, stdout as info and stderr as warn', async () => {
    const t = actionInput(params({ command: 'echo one; sleep 0.3; echo two >&2; echo three' }), ws.path);
    const result = await shellRunHandler(t.input);
    const done = Date.now();
    expect(t.lines.map((l) => [l.level, l.message])).toEqual([['info', 'one'], ['warn', 'two'], ['info', 'three']]);
    // Had output been collected at exit, all lines would carry the same time.
    expect(t.lines[1].at - t.lines[0].at).toBeGreaterThanOrEqual(250);
    expect(done - t.lines[0].at).toBeGreaterThanOrEqual(250);
    expect(result).toEqual({ outputs: { exitCode: 0, stdout: 'one\nthree\n', stderr: 'two\n' } });
  });

  it('runs args without a shell, in cwd, with only the given environment', async () => {
    mkdirSync(join(ws.path, 'sub'));
    process.env.RAILYARD_TEST_SECRET = 'worker-only';
    const t = actionInput(
      params({ command: 'node', args: ['-e', 'console.log(process.cwd(), process.argv[1], process.env.GREETING, process.env.RAILYARD_TEST_SECRET)', '$HOME;x'], env: { GREETING: 'hi' }, cwd: 'sub' }),
      ws.path,
    );
    const { outputs } = (await shellRunHandler(t.input)) as { outputs: { stdout: string } };
    expect(outputs.stdout).toBe(`${join(ws.path, 'sub')} $HOME;x hi undefined\n`);
  });

  it('fails on a non-zero exit, naming the code and the last stderr lines', async () => {
    const t = actionInput(params({ command: 'echo building; echo "error: missing semicolon" >&2; exit 3' }), ws.path);
    await expect(shellRunHandler(t.input)).rejects.toThrow(/exited with code 3; last stderr lines:\nerror: missing semicolon/);
    expect(t.text()).toContain('building');
  });

  it('kills the whole process group on timeout', async () => {
    const t = actionInput(params({ command: 'sleep 30 & echo $! > bg.pid; echo started; wait', timeoutMs: 400 }), ws.path);
    const started = Date.now();
    await expect(shellRunHandler(t.input)).rejects.toThrow(/timed out after 400 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
    const bg = Number(readFileSync(join(ws.path, 'bg.pid'), 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(bg)).toBe(false);
    expect(t.text()).toContain('started');
  });

  it('stops when the step is aborted', async () => {
    const t = actionInput(params({ command: 'sleep', args: ['30'] }), ws.path);
    setTimeout(() => t.controller.abort(), 150);
    await expect(shellRunHandler(t.input)).rejects.toThrow(/aborted/);
  });

  it('keeps only the last 64 KiB of output', async () => {
    const t = actionInput(params({ command: 'node', args: ['-e', "process.stdout.write('a'.repeat(100000) + 'END')"] }), ws.path);
    const { outputs } = (await shellRunHandler(t.input)) as { outputs: { stdout: string } };
    expect(outputs.stdout).toHaveLength(64 * 1024);
    expect(outputs.stdout.endsWith('aEND')).toBe(true);
  });

  it('refuses a cwd outside the workspace and reports a missing program', async () => {
    await expect(shellRunHandler(actionInput(params({ command: 'pwd', cwd: '../..' }), ws.path).input)).rejects.toThrow(/leaves/);
    await expect(shellRunHandler(actionInput(params({ command: 'pwd', cwd: '/etc' }), ws.path).input)).rejects.toThrow(/relative/);
    await expect(shellRunHandler(actionInput(params({ command: 'no-such-program-xyz', args: [] }), ws.path).input)).rejects.toThrow(
      /command not found/,
    );
    // A file without the execute bit (what execvp also answers for a PATH folder it cannot search).
    writeFileSync(join(ws.path, 'not-executable'), '#!/bin/sh\necho hi\n', { mode: 0o644 });
    await expect(shellRunHandler(actionInput(params({ command: './not-executable', args: [] }), ws.path).input)).rejects.toThrow(
      /not executable: \.\/not-executable \(EACCES\)/,
    );
  });
});
