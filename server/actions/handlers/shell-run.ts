import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { z } from 'zod';
import type { shellRun } from '@/engine/actions/shell-run';
import { insideWorkspace } from '../git/repo-path';
import { childEnv } from '../shell/child-env';
import { LineSplitter, TailBuffer } from '../shell/output-stream';
import { ProcessGroup } from '../shell/process-group';
import { PermanentError, type ActionHandler } from '../types';

export const shellRunHandler: ActionHandler<z.output<typeof shellRun.params>> = async ({ params, signal, log, workspace, idempotencyKey }) => {
  const ws = await workspace();
  const cwd = params.cwd ? insideWorkspace(ws, params.cwd, 'cwd') : ws;
  if (!existsSync(cwd)) throw new PermanentError(`cwd does not exist: ${params.cwd}`);
  const timeoutMs = params.timeoutMs ?? 600_000;
  if (signal.aborted) throw new Error('aborted before start');
  // A script can use RAILYARD_IDEMPOTENCY_KEY to recognise its own earlier attempt (a stalled job).
  const env = childEnv(params.env, { RAILYARD_WORKSPACE: ws, RAILYARD_IDEMPOTENCY_KEY: idempotencyKey });
  // detached: the command leads its own process group, so a kill reaches everything it started.
  const child = params.args
    ? spawn(params.command, params.args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('/bin/sh', ['-c', params.command], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // No pid means spawn failed (ENOENT): the 'error' event below reports it.
  const group = child.pid ? new ProcessGroup(child.pid) : undefined;

  const tails = { stdout: new TailBuffer(), stderr: new TailBuffer() };
  const errLines: string[] = [];
  // The step logger caps the total kept per step (head and tail); here only lines are shaped.
  const out = new LineSplitter((line) => log('info', line));
  const err = new LineSplitter((line) => {
    errLines.push(line);
    if (errLines.length > 10) errLines.shift();
    log('warn', line);
  });
  child.stdout.on('data', (c: Buffer) => (tails.stdout.push(c), out.push(c)));
  child.stderr.on('data', (c: Buffer) => (tails.stderr.push(c), err.push(c)));

  let stopReason: string | null = null;
  const stop = (reason: string) => {
    if (stopReason) return;
    stopReason = reason;
    group?.stop();
  };
  const timer = setTimeout(() => stop(`timed out after ${timeoutMs} ms`), timeoutMs);
  const onAbort = () => stop('aborted');
  signal.addEventListener('abort', onAbort, { once: true });

  try {
    const [code, sig] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', (e: NodeJS.ErrnoException) =>
        reject(
          e.code === 'ENOENT' ? new PermanentError(`command not found: ${params.command}`)
            // execvp says EACCES for a missing program when a folder on PATH cannot be searched.
            : e.code === 'EACCES' ? new PermanentError(`command not found or not executable: ${params.command} (EACCES)`)
              : e,
        ),
      );
      child.once('close', (c, s) => resolve([c, s]));
      // A background child that keeps stdout open would delay 'close' forever: once the command
      // itself has exited, its group is stopped (SIGTERM, then SIGKILL), which closes the pipes.
      child.once('exit', () => group?.finished());
    });
    out.end();
    err.end();
    if (stopReason) throw new Error(`command ${stopReason}${lastLines(errLines)}`);
    if (code !== 0) throw new Error(`command ${code === null ? `killed by ${sig}` : `exited with code ${code}`}${lastLines(errLines)}`);
    return { outputs: { exitCode: 0, stdout: tails.stdout.toString(), stderr: tails.stderr.toString() } };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    group?.finished(); // nothing the step started outlives it
  }
};

const lastLines = (lines: string[]) => (lines.length ? `; last stderr lines:\n${lines.join('\n')}` : '');
