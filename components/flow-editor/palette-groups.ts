// Groups the catalog for the palette: meta actions (they shape the run) apart from work actions
// (they touch a system), work actions by the system they touch (the id's first segment).
import type { ActionInfo } from '@/lib/queries';

export interface PaletteGroup {
  key: string;
  label: string;
  actions: ActionInfo[];
}

const SYSTEM_LABELS: Record<string, string> = {
  git: 'Git',
  http: 'HTTP',
  jenkins: 'Jenkins',
  jira: 'Jira',
  notify: 'Notifications',
  shell: 'Shell',
  plugin: 'Plugins',
  event: 'Events',
  approval: 'Approvals',
  version: 'Versions',
};

export function groupActions(actions: readonly ActionInfo[], query = ''): PaletteGroup[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  const hits = actions.filter((a) => {
    const text = `${a.id} ${a.title} ${a.description}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const groups = new Map<string, PaletteGroup>();
  for (const a of hits) {
    const system = a.id.split('.')[0];
    const key = a.kind === 'meta' ? 'meta' : `work:${system}`;
    const label = a.kind === 'meta' ? 'Run logic' : (SYSTEM_LABELS[system] ?? system);
    const group = groups.get(key) ?? { key, label, actions: [] };
    group.actions.push(a);
    groups.set(key, group);
  }
  // Run logic first, then systems alphabetically, plugins last; actions by title within a group.
  return [...groups.values()]
    .sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label))
    .map((g) => ({ ...g, actions: [...g.actions].sort((x, y) => x.title.localeCompare(y.title)) }));
}

const rank = (g: PaletteGroup) => (g.key === 'meta' ? 0 : g.key === 'work:plugin' ? 2 : 1);
