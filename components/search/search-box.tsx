'use client';

// The app shell's search: results as you type (debounced), arrow keys to move, Enter to open,
// Escape to close; `/` or Ctrl+K from anywhere. An ARIA 1.2 combobox: the input owns a listbox and
// points at the highlighted option with aria-activedescendant, so focus never leaves the input.
import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { SEARCH_MAX_QUERY } from '@/engine/dto/processes';
import { useSearch } from '@/lib/process-queries';
import { SearchResult } from './search-result';
import { useDebounced } from './use-debounced';
import { useSearchShortcut } from './use-search-shortcut';

export function SearchBox() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text, 180);
  const search = useSearch(q);
  useSearchShortcut(input);
  const results = q.trim() ? (search.data ?? []) : [];
  const showList = open && text.trim().length > 0;
  const optionId = (i: number) => `${listId}-opt-${i}`;

  const go = (i: number) => {
    const hit = results[i];
    if (!hit) return;
    setOpen(false);
    input.current?.blur();
    router.push(hit.href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (results.length > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(active);
    } else if (e.key === 'Escape') {
      if (open && text) setOpen(false);
      else input.current?.blur();
    }
  };

  const status = search.isError ? 'Search failed; try again.' : search.isFetching && results.length === 0 ? 'Searching…' : results.length === 0 ? 'No matches.' : `${results.length} results`;
  return (
    <div className="relative w-full max-w-md" data-testid="search">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted" />
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search workflows, steps, event types and actions"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? optionId(active) : undefined}
        maxLength={SEARCH_MAX_QUERY}
        placeholder="Search…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="h-8 w-full rounded-md border border-border bg-surface pr-12 pl-8 text-sm placeholder:text-subtle focus:border-accent focus:outline-none"
        data-testid="search-input"
      />
      {!text && <kbd className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-border px-1 font-mono text-[10px] text-muted sm:block">/</kbd>}
      {showList && (
        <div className="absolute top-full right-0 left-0 z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-border bg-surface p-1 shadow-lg">
          <ul id={listId} role="listbox" aria-label="Search results" data-testid="search-results">
            {results.map((r, i) => (
              <li
                key={`${r.kind}:${r.name}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className="cursor-pointer"
                onMouseDown={(e) => e.preventDefault()} // keep focus in the input until the click lands
                onMouseEnter={() => setActive(i)}
                onClick={() => go(i)}
                data-testid="search-result"
                data-kind={r.kind}
                data-name={r.name}
              >
                <SearchResult result={r} active={i === active} />
              </li>
            ))}
          </ul>
          <p aria-hidden className="px-2.5 py-1.5 text-[11px] text-subtle">{status}</p>
        </div>
      )}
      {/* Always in the page, so screen readers hear the count change as results arrive. */}
      <p role="status" className="sr-only">{showList ? status : ''}</p>
    </div>
  );
}
