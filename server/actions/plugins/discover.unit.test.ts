import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newScanMemo, scanPlugins } from './discover';
import { copyExample, tempDir, writeExe } from './test-support';

const okDescribe = (title: string) => `echo '{"title":"${title}","params":{"type":"object","properties":{}}}'`;
let first: string;
let second: string;

beforeAll(async () => {
  first = await tempDir();
  second = await tempDir();
  await copyExample(first);
  await writeExe(first, 'railyard-action-broken', `echo 'not json {'`);
  await writeExe(first, 'railyard-action-slow', 'sleep 5');
  await writeExe(first, 'railyard-action-not-executable', okDescribe('no'), 0o644);
  await writeExe(first, 'railyard-action-Bad_Name', okDescribe('bad'));
  await writeExe(first, 'unrelated-tool', okDescribe('unrelated'));
  await writeExe(second, 'railyard-action-tcp-check', okDescribe('shadowed copy'));
  await writeExe(second, 'railyard-action-hello', okDescribe('Hello'));
});
afterAll(async () => {
  await rm(first, { recursive: true, force: true });
  await rm(second, { recursive: true, force: true });
});

describe('scanPlugins', () => {
  it('finds executables by prefix, first folder wins, and skips bad ones with a warning', async () => {
    const printed: string[] = [];
    const scan = await scanPlugins([first, path.join(first, 'missing-folder'), second], { timeoutMs: 1000, warn: (m) => printed.push(m) });

    expect([...scan.plugins.keys()].sort()).toEqual(['plugin.hello', 'plugin.tcp-check']);
    const tcp = scan.plugins.get('plugin.tcp-check')!;
    expect(tcp).toMatchObject({ name: 'tcp-check', path: path.join(first, 'railyard-action-tcp-check') });
    expect(tcp.definition.title).toBe('Wait for a TCP port');
    expect(scan.plugins.get('plugin.hello')!.definition).toMatchObject({ id: 'plugin.hello', title: 'Hello', kind: 'work', description: '' });

    const text = scan.warnings.join('\n');
    expect(text).toMatch(/railyard-action-broken: skipped, --describe printed invalid JSON/);
    expect(text).toMatch(/railyard-action-slow: skipped, --describe failed: no answer within 1000 ms/);
    expect(text).toMatch(/railyard-action-Bad_Name: skipped, "Bad_Name" is not a valid plugin name/);
    expect(text).toMatch(new RegExp(`${second}/railyard-action-tcp-check: skipped, shadowed by ${first}/railyard-action-tcp-check`));
    expect(text).not.toMatch(/not-executable|unrelated/);
    expect(printed).toEqual(scan.warnings);
  });

  it('prints a known problem once per process but keeps listing it, and describes unchanged files once', async () => {
    const dir = await tempDir();
    const counter = path.join(dir, 'count');
    await writeExe(dir, 'railyard-action-counted', `echo x >> ${counter}\n${okDescribe('Counted')}`);
    await writeExe(dir, 'railyard-action-broken', 'exit 3');
    const memo = newScanMemo();
    const printed: string[] = [];
    const warn = (m: string) => printed.push(m);
    const a = await scanPlugins([dir], { warn }, memo);
    const b = await scanPlugins([dir], { warn }, memo);
    expect(a.plugins.has('plugin.counted') && b.plugins.has('plugin.counted')).toBe(true);
    expect(b.warnings).toHaveLength(1);
    expect(printed).toHaveLength(1);
    expect((await readFile(counter, 'utf8')).trim().split('\n')).toHaveLength(1);
    await rm(dir, { recursive: true, force: true });
  });

  it('never throws: an empty or unreadable search path gives no plugins', async () => {
    await expect(scanPlugins(['/definitely/not/here'], { warn: () => undefined })).resolves.toEqual({ plugins: new Map(), warnings: [] });
  });
});
