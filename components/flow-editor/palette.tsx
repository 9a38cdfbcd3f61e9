'use client';

// Every action of the catalog (plugins included), grouped and searchable. Click adds the action
// after the selected step; drag drops it where you let go.
import { Search } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { ActionInfo } from '@/lib/queries';
import { useEditorStore } from './editor-context';
import { ACTION_DRAG_TYPE, addStepAt } from './commands';
import { groupActions } from './palette-groups';

export function Palette({ actions, disabled }: { actions: readonly ActionInfo[]; disabled?: boolean }) {
  const store = useEditorStore();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupActions(actions, query), [actions, query]);
  return (
    <aside className="flex h-full min-h-0 flex-col border-r border-border bg-surface" aria-label="Actions">
      <label className="m-2 flex items-center gap-2 rounded-md border border-border bg-bg px-2 focus-within:ring-2 focus-within:ring-ring">
        <Search aria-hidden className="size-3.5 text-muted" />
        <input
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search actions"
          aria-label="Search actions"
          className="h-8 w-full bg-transparent text-sm outline-none"
        />
      </label>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
        {groups.length === 0 && <p className="px-2 py-4 text-xs text-muted">No action matches “{query}”.</p>}
        {groups.map((g) => (
          <section key={g.key} className="mt-2">
            <h3 className="px-2 pb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">{g.label}</h3>
            <ul>
              {g.actions.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    disabled={disabled}
                    draggable={!disabled}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(ACTION_DRAG_TYPE, a.id);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => addStepAt(store, a.id)}
                    title={a.description}
                    data-testid={`palette-${a.id}`}
                    className="w-full rounded-md px-2 py-1.5 text-left hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none disabled:opacity-50"
                  >
                    <span className="block truncate text-sm">{a.title}</span>
                    <span className="block truncate font-mono text-[11px] text-muted">{a.id}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
