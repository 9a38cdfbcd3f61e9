// One way to call the git CLI for every git.* handler: no shell, abortable, non-interactive, and with
// secrets scrubbed from any message that may reach a step log or error.
import { execFile } from 'node:child_process';
import { PermanentError } from '../types';
import { hostEnv } from '../../env';
import { PASSED_THROUGH } from '../shell/child-env';

export type GitCall = {
  cwd: string;
  signal?: AbortSignal;
  /** Added to the environment; credentials arrive this way so they never show in `ps` or .git/config. */
  env?: Record<string, string>;
  /** Strings to scrub from error messages (passwords, auth headers). */
  secrets?: readonly string[];
};

export type GitResult = { code: number; stdout: string; stderr: string };

/** The identity Railyard commits and tags with, so a worker needs no global git config. */
export const BOT = { name: 'Railyard', email: 'railyard@localhost' };

const BASE_ENV = {
  GIT_TERMINAL_PROMPT: '0', // fail instead of waiting for a password on a terminal nobody watches
  GIT_ASKPASS: '',
  SSH_ASKPASS: '',
  LC_ALL: 'C', // stable English messages, which some checks below read
  GIT_COMMITTER_NAME: BOT.name,
  GIT_COMMITTER_EMAIL: BOT.email,
};

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/(\/\/)[^/@\s:]+:[^/@\s]+@/g, '$1***@'); // user:password@ in URLs
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

/** Runs git and reports the exit code instead of throwing on a non-zero one. */
export function tryGit(args: readonly string[], call: GitCall): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd: call.cwd, signal: call.signal, env: { ...hostEnv(PASSED_THROUGH), ...BASE_ENV, ...call.env } as unknown as NodeJS.ProcessEnv, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          const msg = err.name === 'AbortError' ? 'git was aborted' : `git could not run: ${err.message}`;
          return reject(new Error(redact(msg, call.secrets)));
        }
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
      },
    );
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
  return new Error(redact(`git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''} failed (exit ${r.code}): ${detail}`, call.secrets));
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
