// The Railyard sandbox (scripts/sandbox/server.mjs: Jira and Jenkins stand-ins) as a child of a
// test, on a free port, exactly as npm start runs it. `state()` reads what it received.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { killGroup } from '../../scripts/lib/processes.mjs';

export type SandboxState = {
  jira: Record<string, { status: string; summary: string; comments: { id: string; body: string }[]; watchers: string[] }>;
  jenkins: { job: string; queueId: number; number: number | null; parameters: Record<string, string>; result: string | null }[];
};

export type SandboxProcess = { url: string; output: string[]; state(): Promise<SandboxState>; stop(): Promise<void> };

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `env`: RAILYARD_SANDBOX_CALLBACK_URL, RAILYARD_SANDBOX_BUILD_MS… (see the top of server.mjs). */
export async function startSandbox(env: Record<string, string>): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [path.join(root, 'scripts/sandbox/server.mjs')], {
    env: { ...process.env, RAILYARD_SANDBOX_PORT: '0', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output.join('\n')}`)), 15_000);
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        output.push(...chunk.split('\n').filter(Boolean));
        const m = /\[sandbox\] listening on (\S+)/.exec(output.join('\n'));
        if (m) (clearTimeout(timer), resolve(m[1]));
      });
    }
    child.once('exit', () => reject(new Error(`sandbox exited:\n${output.join('\n')}`)));
  });
  return {
    url,
    output,
    state: async () => (await fetch(`${url}/sandbox/state`)).json() as Promise<SandboxState>,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) killGroup(child.pid, 'SIGTERM');
      await exited;
    },
  };
}
