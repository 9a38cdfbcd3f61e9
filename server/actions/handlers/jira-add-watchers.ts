import type { z } from 'zod';
import type { jiraAddWatchers } from '@/engine/actions/jira-add-watchers';
import { issuePath, jiraClient } from '../jira-client';
import type { ActionHandler } from '../types';

// Jira Server names watchers by `name`, Jira Cloud by `accountId`; either may be what we were given.
type Watcher = { name?: string; key?: string; accountId?: string };
type Watchers = { watchCount: number; watchers: Watcher[] };

const idsOf = (w: Watcher) => [w.name, w.key, w.accountId].filter((x): x is string => typeof x === 'string');

/**
 * Idempotent by reading first: adding a watcher twice is harmless in Jira, but a re-run that skips
 * the ones already there says truthfully what this step changed.
 */
export const jiraAddWatchersHandler: ActionHandler<z.output<typeof jiraAddWatchers.params>> = async ({ params, signal, log }) => {
  const jira = jiraClient(params, signal);
  const path = `${issuePath(params.issue)}/watchers`;
  const wanted = [...new Set(params.watchers.map((w) => w.trim()).filter(Boolean))];
  const before = await jira.get<Watchers>(path);
  const present = new Set(before.watchers.flatMap(idsOf));
  const already = wanted.filter((w) => present.has(w));
  const added: string[] = [];
  for (const who of wanted.filter((w) => !present.has(w))) {
    // The body is the bare JSON string "<name or accountId>"; Jira answers 204.
    await jira.postJson(path, who);
    added.push(who);
  }
  log('info', added.length ? `added ${added.join(', ')} as watchers of ${params.issue}` : `${params.issue}: nobody to add`);
  return { outputs: { added, already, watchCount: (before.watchCount ?? before.watchers.length) + added.length } };
};
