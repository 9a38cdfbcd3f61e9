// One way to call the git CLI for every git.* handler: no shell, hardened config (hardening.ts),
// non-interactive, bounded in time and output, abortable by the step's signal, and with secrets
// scrubbed from any message that may reach a step log or error.
import { spawn } from 'node:child_process';
import { PermanentError } from '../types';
import { gitSettings, hostEnv } from '../../env';
import { PASSED_THROUGH } from '../shell/child-env';
import { HARDENED_ARGS, hardenedEnv, NETWORK_ENV } from './hardening';

export type GitCall = {
  cwd: string;
  signal?: AbortSignal;
  /** The run's workspace (real path): git never discovers a repository above it. */
  workspace?: string;
  /** Added to the environment; credentials arrive this way so they never show in `ps` or .git/config. */
  env?: Record<string, string>;
  /** Strings to scrub from error messages (passwords, auth headers). */
  secrets?: readonly string[];
  /** More `-c key=value` settings, after the hardened ones: a remote's address pins (remote-guard.ts). */
  config?: readonly string[];
};

export type GitResult = { code: number; stdout: string; stderr: string };

/** The identity Railyard commits and tags with, so a worker needs no global git config. */
export const BOT = { name: 'Railyard', email: 'railyard@localhost' };

const IDENTITY = { GIT_COMMITTER_NAME: BOT.name, GIT_COMMITTER_EMAIL: BOT.email };
const MAX_OUTPUT = 64 * 1024 * 1024;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/(\/\/)[^/@\s:]+:[^/@\s]+@/g, '$1***@'); // user:password@ in URLs
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

const subcommand = (args: readonly string[]) => args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? '';

/**
 * Runs git and reports the exit code instead of throwing on a non-zero one. Throws when git cannot
 * start, is aborted, or runs past RAILYARD_GIT_TIMEOUT_MS; then its whole process group (git-remote-https,
 * ssh, upload-pack…) is killed, since killing git alone would leave its helpers holding the connection.
 */
export function tryGit(args: readonly string[], call: GitCall): Promise<GitResult> {
  const { timeoutMs } = gitSettings();
  const env = { ...hostEnv(PASSED_THROUGH), ...hostEnv(NETWORK_ENV), ...hardenedEnv(call.workspace), ...IDENTITY, ...call.env };
  return new Promise((resolve, reject) => {
    if (call.signal?.aborted) return reject(new Error('git was aborted'));
    const child = spawn('git', [...HARDENED_ARGS, ...(call.config ?? []).flatMap((kv) => ['-c', kv]), ...args], { cwd: call.cwd, env: env as unknown as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let stopped: string | null = null;
    const stop = (why: string) => {
      stopped ??= why;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT) return stop(`git ${subcommand(args)} printed more than ${MAX_OUTPUT / 1024 / 1024} MB`);
      into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    const timer = setTimeout(() => stop(`git ${subcommand(args)} timed out after ${timeoutMs / 1000} s`), timeoutMs);
    const onAbort = () => stop('git was aborted');
    call.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (e) => {
      done();
      reject(new Error(redact(`git could not run: ${e.message}`, call.secrets)));
    });
    child.on('close', (code, signal) => {
      done();
      if (stopped) return reject(new Error(redact(stopped, call.secrets)));
      const text = (b: Buffer[]) => Buffer.concat(b).toString('utf8');
      resolve({ code: code ?? (signal ? 128 : 1), stdout: text(out), stderr: text(err) });
    });
  });
}

/** Runs git and returns trimmed stdout; a non-zero exit throws with git's own (redacted) message. */
export async function git(args: readonly string[], call: GitCall): Promise<string> {
  const r = await tryGit(args, call);
  if (r.code !== 0) throw gitFailure(args, r, call);
  return r.stdout.trim();
}

/** An error naming the git command, its exit code and the last lines git printed (redacted). */
export function gitFailure(args: readonly string[], r: GitResult, call: GitCall): Error {
  const detail = (r.stderr || r.stdout).trim().split('\n').slice(-5).join('\n');
  return new Error(redact(`git ${subcommand(args)} failed (exit ${r.code}): ${detail}`, call.secrets));
}

/** The commit a ref names, or null when it names none. */
export async function resolveCommit(ref: string, call: GitCall): Promise<string | null> {
  const r = await tryGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], call);
  return r.code === 0 ? r.stdout.trim() : null;
}

/** Refuses names git would reject (spaces, "..", leading "-"), before they reach another command. */
export async function assertRefName(fullRef: string, call: GitCall): Promise<void> {
  const r = await tryGit(['check-ref-format', fullRef], call);
  if (r.code !== 0) throw new PermanentError(`invalid ref name "${fullRef.replace(/^refs\/(heads|tags)\//, '')}"`);
}

/** git's version as [major, minor], asked once per process. */
let version: Promise<[number, number] | null> | undefined;
function gitVersion(): Promise<[number, number] | null> {
  return (version ??= tryGit(['--version'], { cwd: '/' }).then((r) => {
    const m = /git version (\d+)\.(\d+)/.exec(r.stdout);
    return m ? [Number(m[1]), Number(m[2])] as [number, number] : null;
  }, () => null));
}

/**
 * A step log warning when a remote's address pins (remote-guard.ts) would be ignored: git before
 * 2.37 does not know http.curloptResolve and resolves the name itself (SECURITY.md, known gaps).
 * A warning, not a refusal: the guard's own check still ran, and older distributions ship older gits.
 */
export async function warnIfPinsIgnored(pins: readonly string[], log: (level: 'warn', message: string) => void): Promise<void> {
  if (pins.length === 0) return;
  const v = await gitVersion();
  if (v && (v[0] < 2 || (v[0] === 2 && v[1] < 37))) {
    log('warn', `git ${v.join('.')} ignores http.curloptResolve (git 2.37 or later): the remote's name is resolved again by git, not pinned to the checked address`);
  }
}
