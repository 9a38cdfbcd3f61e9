// Issue 7: a hung remote cannot hang a git step: git is killed, helpers included, after
// RAILYARD_GIT_TIMEOUT_MS or when the step's signal aborts.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionCatalog } from '@/engine/actions/catalog';
import { actionInput, tempDir } from '../testing/action-input';
import { isolateGit } from '../testing/git-fixture';
import { gitCloneHandler } from '../handlers/git-clone';

let root: Awaited<ReturnType<typeof tempDir>>;
let server: Server;
let port: number;
beforeAll(isolateGit);
beforeEach(async () => {
  root = await tempDir();
  // Accepts connections and never answers: a remote that hangs.
  server = createServer(() => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterEach(async () => {
  delete process.env.RAILYARD_GIT_TIMEOUT_MS;
  server.close();
  await root.remove();
});

/** Processes (git, git-remote-http) still talking to the hung server. */
function leftovers(): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(join('/proc', pid, 'cmdline'), 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(`127.0.0.1:${port}/`)) out.push(`${pid} ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const startClone = () => {
  const t = actionInput(actionCatalog['git.clone'].params.parse({ url: `http://127.0.0.1:${port}/org/shop.git` }), root.path);
  return { t, done: gitCloneHandler(t.input).then(() => null, (e: Error) => e) };
};

describe('git timeouts', { timeout: 30_000 }, () => {
  it('kills a clone of a hung remote after RAILYARD_GIT_TIMEOUT_MS, helpers included', async () => {
    process.env.RAILYARD_GIT_TIMEOUT_MS = '1500';
    const started = Date.now();
    const err = await startClone().done;
    expect(err?.message).toBe('git clone timed out after 1.5 s');
    expect(Date.now() - started).toBeLessThan(15_000); // generous: the point is that it ends
    expect(leftovers()).toEqual([]);
  });

  it('stops a hung clone when the step is aborted', async () => {
    const { t, done } = startClone();
    // The detector sees git's helper while it waits on the server, so an empty list below means something.
    for (let i = 0; i < 100 && leftovers().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(leftovers().join('\n')).toMatch(/git-remote-http|git clone/);
    t.controller.abort();
    const err = await done;
    expect(err?.message).toBe('git was aborted');
    expect(leftovers()).toEqual([]);
  });
});
