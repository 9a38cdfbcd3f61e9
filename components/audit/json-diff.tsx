// before → after of one audit entry, as the list of fields that changed.
import { diffValues, preview } from './diff';

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const changes = diffValues(before, after);
  if (changes.length === 0) return <span className="text-subtle">—</span>;
  return (
    <ul className="space-y-0.5 font-mono text-[11px] leading-4">
      {changes.map((c) => (
        <li key={c.path} className="break-all">
          <span className="text-muted">{c.path}:</span>{' '}
          {c.before !== undefined && <span className="text-danger line-through decoration-1">{preview(c.before)}</span>}
          {c.before !== undefined && c.after !== undefined && <span aria-label="changed to"> → </span>}
          {c.after !== undefined && <span className="text-fg">{preview(c.after)}</span>}
        </li>
      ))}
    </ul>
  );
}
