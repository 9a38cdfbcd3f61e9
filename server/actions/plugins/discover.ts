// Finds plugin actions: executables named `railyard-action-<name>` in RAILYARD_PLUGIN_DIR or on PATH,
// each asked once for its contract with `--describe`. A broken plugin is reported and skipped; it
// never stops the worker or the web process from starting, and the other actions keep working.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ActionDefinition } from '@/engine/actions/definition';
import { pluginProcessEnv, pluginSearchPath } from '../../env';
import { PLUGIN_NAME, PLUGIN_PREFIX, pluginActionId, toDefinition } from './to-definition';

export type Plugin = { id: string; name: string; path: string; definition: ActionDefinition };
export type PluginScan = { plugins: Map<string, Plugin>; warnings: string[] };
export type ScanOptions = { timeoutMs?: number; warn?: (message: string) => void };

type Candidate = { name: string; file: string; stamp: string };
export type Described = { definition: ActionDefinition } | { error: string };

/** Executables with the plugin prefix, in search order; unreadable or missing folders are skipped. */
async function candidates(dirs: string[]): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const dir of dirs) {
    const entries = await readdir(dir).catch(() => [] as string[]);
    for (const entry of entries.filter((e) => e.startsWith(PLUGIN_PREFIX)).sort()) {
      const file = path.join(dir, entry);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || !(await access(file, constants.X_OK).then(() => true, () => false))) continue;
      found.push({ name: entry.slice(PLUGIN_PREFIX.length), file, stamp: `${file}|${info.mtimeMs}|${info.size}` });
    }
  }
  return found;
}

function describe(file: string, id: string, timeoutMs: number): Promise<Described> {
  return new Promise((resolve) => {
    const opts = { timeout: timeoutMs, killSignal: 'SIGKILL' as const, maxBuffer: 1024 * 1024, env: pluginProcessEnv() };
    execFile(file, ['--describe'], opts, (err, stdout, stderr) => {
      if (err) {
        const why = err.killed ? `no answer within ${timeoutMs} ms` : err.message.split('\n')[0];
        return resolve({ error: `--describe failed: ${why}${stderr.trim() ? ` (${stderr.trim().slice(-300)})` : ''}` });
      }
      try {
        resolve({ definition: toDefinition(id, JSON.parse(stdout)) });
      } catch (e) {
        const msg = e instanceof SyntaxError ? `--describe printed invalid JSON: ${e.message}` : (e as Error).message;
        resolve({ error: msg });
      }
    });
  });
}

/** What survives between scans of one process: describe answers per file version, and the
 *  warnings already printed (so a known-bad plugin is printed once, yet still listed every time). */
export type ScanMemo = { described: Map<string, Promise<Described>>; printed: Set<string> };
export const newScanMemo = (): ScanMemo => ({ described: new Map(), printed: new Set() });

/** One scan of `dirs`. The first executable for a name wins (PATH semantics). */
export async function scanPlugins(dirs: string[], opts: ScanOptions = {}, memo = newScanMemo()): Promise<PluginScan> {
  const warn = opts.warn ?? ((m: string) => console.warn(`[plugins] ${m}`));
  const plugins = new Map<string, Plugin>();
  const warnings: string[] = [];
  const list = await candidates(dirs);
  const winners = new Map<string, Candidate>();
  for (const c of list) {
    const first = winners.get(c.name);
    if (first) warnings.push(`${c.file}: skipped, shadowed by ${first.file} (the first one found wins)`);
    else winners.set(c.name, c);
    if (first || memo.described.has(c.stamp)) continue;
    const bad = `"${c.name}" is not a valid plugin name (lower-case letters, digits and "-")`;
    const run = PLUGIN_NAME.test(c.name) ? describe(c.file, pluginActionId(c.name), opts.timeoutMs ?? 5000) : Promise.resolve({ error: bad });
    memo.described.set(c.stamp, run);
  }
  for (const c of winners.values()) {
    const d = await memo.described.get(c.stamp)!;
    if ('error' in d) warnings.push(`${c.file}: skipped, ${d.error}`);
    else plugins.set(d.definition.id, { id: d.definition.id, name: c.name, path: c.file, definition: d.definition });
  }
  for (const m of warnings) if (!memo.printed.has(m)) warn(m);
  memo.printed = new Set(warnings);
  // Forget files that vanished or changed, so the memo does not grow with every edit of a plugin.
  const seen = new Set(list.map((c) => c.stamp));
  for (const key of memo.described.keys()) if (!seen.has(key)) memo.described.delete(key);
  return { plugins, warnings };
}

// Per-process cache. A re-scan is only readdir + stat (unchanged files are not described again), so
// doing one every RESCAN_MS lets a newly installed plugin appear without restarting anything.
const RESCAN_MS = 30_000;
const memo = newScanMemo();
let cached: { at: number; scan: Promise<PluginScan> } | undefined;

export function discoverPlugins(): Promise<PluginScan> {
  if (!cached || Date.now() - cached.at > RESCAN_MS) return refreshPlugins();
  return cached.scan;
}

/** Re-scans now (after installing a plugin, or when an unknown `plugin.*` id is asked for). */
export function refreshPlugins(): Promise<PluginScan> {
  const scan = scanPlugins(pluginSearchPath(), {}, memo);
  cached = { at: Date.now(), scan };
  return scan;
}
