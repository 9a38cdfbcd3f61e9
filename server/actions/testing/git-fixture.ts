// Real git repositories for handler tests: fixed identities and dates make shas reproducible, and an
// isolated config keeps the developer's global settings (signing, hooks, default branch) out.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const gitEnv = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Ada Tester',
  GIT_AUTHOR_EMAIL: 'ada@example.test',
  GIT_COMMITTER_NAME: 'Ada Tester',
  GIT_COMMITTER_EMAIL: 'ada@example.test',
};

/** Applies the isolated config to this test process, so handlers under test see it too. */
export function isolateGit(): void {
  Object.assign(process.env, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' });
}

let tick = 0;
export function sh(cwd: string, ...args: string[]): string {
  const date = `2024-01-01T00:00:${String(tick++ % 60).padStart(2, '0')}Z`;
  return execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, encoding: 'utf8' }).trim();
}

export function initRepo(path: string): string {
  mkdirSync(path, { recursive: true });
  sh(path, 'init', '--quiet', '--initial-branch=main');
  return path;
}

/** Writes a file and commits it; returns the new commit's sha. */
export function commit(repo: string, message: string, file = 'file.txt', content = message): string {
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), content);
  sh(repo, 'add', '--', file);
  sh(repo, 'commit', '--quiet', '-m', message);
  return sh(repo, 'rev-parse', 'HEAD');
}

/** A bare repository with `main` holding the given commit messages: a stand-in for a git server. */
export function bareRemote(root: string, messages: string[] = ['chore: initial']): string {
  const work = initRepo(join(root, 'seed'));
  for (const m of messages) commit(work, m, 'log.txt', m);
  const bare = join(root, 'remote.git');
  sh(root, 'clone', '--quiet', '--bare', work, bare);
  return bare;
}

/** An executable that only leaves a marker file behind: proof of whether git ran a configured program. */
export function markerProgram(dir: string, name = 'evil'): { program: string; marker: string; ran: () => boolean } {
  const program = join(dir, `${name}.sh`);
  const marker = join(dir, `${name}.RAN`);
  writeFileSync(program, `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
  return { program, marker, ran: () => existsSync(marker) };
}
