// Runs a plugin executable as an action handler. The protocol (plugins/README.md): the request is
// JSON on stdin, log lines on stderr, the outputs JSON on stdout; exit 0 = success, 75 (EX_TEMPFAIL)
// = try again later, anything else = a failure retrying cannot fix.
import { spawn } from 'node:child_process';
import { pluginProcessEnv } from '../../env';
import { LineSplitter } from '../shell/output-stream';
import { ProcessGroup } from '../shell/process-group';
import { PermanentError, type ActionHandler, type ActionInput } from '../types';

export const EX_TEMPFAIL = 75;
const MAX_STDOUT = 1024 * 1024;
const TAIL_LINES = 10;

export type RunPluginOptions = {
  /** Safety net for a plugin that hangs; a step's own `timeoutMs` aborts earlier via the signal. */
  timeoutMs?: number;
  /** Grace between SIGTERM and SIGKILL, so a plugin can clean up. */
  killGraceMs?: number;
};

export function pluginHandler(file: string, opts: RunPluginOptions = {}): ActionHandler<Record<string, unknown>> {
  return (input) => runPlugin(file, input, opts);
}

export async function runPlugin(file: string, input: ActionInput<Record<string, unknown>>, opts: RunPluginOptions = {}) {
  const { params, context, idempotencyKey, signal, log } = input;
  if (signal.aborted) throw new Error('aborted before the plugin started');
  // Only what the protocol promises: secrets reach a plugin solely through params that use them.
  const request = { params, context: { run: context.run, event: { id: context.event.id, source: context.event.source, type: context.event.type } }, idempotencyKey };
  const cwd = await input.workspace();
  // detached: the plugin leads its own process group, so a kill also reaches whatever it started.
  const child = spawn(file, [], { cwd, env: pluginProcessEnv(), stdio: ['pipe', 'pipe', 'pipe'], detached: true });

  // No pid means spawn failed: the 'error' event below reports it.
  const group = child.pid ? new ProcessGroup(child.pid, opts.killGraceMs ?? 2000) : undefined;

  const tail: string[] = [];
  // Bounded per line: a plugin printing megabytes without a newline costs one capped line.
  const stderr = new LineSplitter((text) => {
    tail.push(text);
    if (tail.length > TAIL_LINES) tail.shift();
    log('info', text);
  });
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

  const out: Buffer[] = [];
  let outSize = 0;
  let killedFor: string | undefined;
  const kill = (why: string) => {
    if (killedFor || child.exitCode !== null) return;
    killedFor = why;
    group?.stop();
  };
  child.stdout.on('data', (chunk: Buffer) => {
    outSize += chunk.length;
    if (outSize > MAX_STDOUT) return kill(`its outputs exceeded ${MAX_STDOUT} bytes`);
    out.push(chunk);
  });

  const onAbort = () => kill('the step was cancelled or timed out');
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => kill(`it ran longer than ${opts.timeoutMs} ms`), opts.timeoutMs ?? 15 * 60_000);
  // A plugin that exits without reading stdin closes the pipe: EPIPE here is not an error.
  child.stdin.on('error', () => undefined);
  child.stdin.end(JSON.stringify(request));

  const exit = await new Promise<{ code: number | null; sig: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, sig: null, error }));
    child.once('close', (code, sig) => resolve({ code, sig }));
    // A background process holding stderr open would delay 'close': stop the group once the plugin exits.
    child.once('exit', () => group?.finished());
  }).finally(() => {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    group?.finished(); // nothing the plugin started outlives the step
  });
  stderr.end();

  const last = tail.length ? `: ${tail.join(' | ')}` : '';
  if (exit.error) throw new PermanentError(`cannot start plugin ${file}: ${exit.error.message}`);
  if (killedFor) {
    const message = `plugin stopped because ${killedFor}`;
    throw signal.aborted || outSize > MAX_STDOUT ? new PermanentError(message) : new Error(message);
  }
  if (exit.code === EX_TEMPFAIL) throw new Error(`plugin reported a temporary failure (exit 75)${last}`);
  if (exit.code !== 0) throw new PermanentError(`plugin failed (${exit.sig ? `signal ${exit.sig}` : `exit ${exit.code}`})${last}`);
  return { outputs: parseOutputs(Buffer.concat(out).toString('utf8')) };
}

function parseOutputs(stdout: string): unknown {
  if (stdout.trim() === '') return {};
  try {
    return JSON.parse(stdout);
  } catch (err) {
    throw new PermanentError(`plugin printed invalid JSON on stdout: ${(err as Error).message}`);
  }
}
