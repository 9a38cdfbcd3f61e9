// The actions this process can validate and run: the built-ins plus discovered plugins. The engine's
// catalog stays pure (no I/O); this is where the plugin scan joins it.
import { actionCatalog, getAction } from '@/engine/actions/catalog';
import type { ActionDefinition, ActionLookup } from '@/engine/actions/definition';
import { handlerFor } from './handler-registry';
import { discoverPlugins, refreshPlugins, type PluginScan } from './plugins/discover';
import { pluginHandler } from './plugins/run-plugin';
import type { ActionHandler } from './types';

const PLUGIN_ID = /^plugin\./;
// An unknown `plugin.*` id triggers a re-scan (it may just have been installed), at most this often,
// so a workflow naming a missing plugin cannot make every step spawn every plugin's --describe.
const MISS_RESCAN_MS = 5_000;
let lastMissRescan = 0;

function withBuiltIns(scan: PluginScan): Map<string, ActionDefinition> {
  // Built-ins first and never overridden: plugin ids all start with "plugin.", built-in ids never do.
  const all = new Map<string, ActionDefinition>(Object.entries(actionCatalog));
  for (const [id, p] of scan.plugins) if (!all.has(id)) all.set(id, p.definition);
  return all;
}

/** Built-ins plus plugins, for validateWorkflow(raw, catalog). */
export async function loadActionCatalog(): Promise<ActionLookup> {
  return withBuiltIns(await discoverPlugins());
}

/** Every action in display order (built-ins as catalogued, then plugins by id), for GET /api/actions. */
export async function listActions(): Promise<ActionDefinition[]> {
  const all = withBuiltIns(await discoverPlugins());
  const builtIns = Object.keys(actionCatalog);
  const plugins = [...all.keys()].filter((id) => !builtIns.includes(id)).sort();
  return [...builtIns, ...plugins].map((id) => all.get(id)!);
}

async function findPlugin(id: string) {
  let plugin = (await discoverPlugins()).plugins.get(id);
  if (!plugin && Date.now() - lastMissRescan > MISS_RESCAN_MS) {
    lastMissRescan = Date.now();
    plugin = (await refreshPlugins()).plugins.get(id);
  }
  return plugin;
}

/** The definition and handler for an action id, or undefined when no such action exists here. */
export async function resolveAction(id: string): Promise<{ definition: ActionDefinition; handler: ActionHandler<unknown> } | undefined> {
  const builtIn = getAction(id);
  const builtInHandler = handlerFor(id);
  if (builtIn && builtInHandler) return { definition: builtIn, handler: builtInHandler };
  if (!PLUGIN_ID.test(id)) return undefined;
  const plugin = await findPlugin(id);
  return plugin && { definition: plugin.definition, handler: pluginHandler(plugin.path) as ActionHandler<unknown> };
}

export async function resolveHandler(id: string): Promise<ActionHandler<unknown> | undefined> {
  return (await resolveAction(id))?.handler;
}
