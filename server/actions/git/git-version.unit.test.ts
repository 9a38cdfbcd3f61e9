// git before 2.37 ignores the remote's address pins (http.curloptResolve): the step says so in its
// log. A stand-in `git` first on PATH reports an old version (the version is asked once per process,
// and each test file gets its own module state).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warnIfPinsIgnored } from './run-git';

let bin: string;
const path = process.env.PATH;
beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'old-git-'));
  writeFileSync(join(bin, 'git'), '#!/bin/sh\necho "git version 2.30.2"\n');
  chmodSync(join(bin, 'git'), 0o755);
  process.env.PATH = `${bin}:${path}`;
});
afterAll(() => {
  process.env.PATH = path;
  rmSync(bin, { recursive: true, force: true });
});

describe('an old git and the address pins', () => {
  it('warns in the step log when there are pins git would ignore, and only then', async () => {
    const lines: string[] = [];
    const log = (_level: 'warn', message: string) => void lines.push(message);
    await warnIfPinsIgnored([], log);
    expect(lines).toEqual([]);
    await warnIfPinsIgnored(['http.curloptResolve=git.example:443:192.0.2.1'], log);
    expect(lines).toEqual([expect.stringMatching(/^git 2\.30 ignores http\.curloptResolve \(git 2\.37 or later\)/)]);
  });
});
