'use client';

// A collapsible JSON tree. Objects and arrays are disclosure buttons (aria-expanded), so the tree
// is keyboard-usable; deep levels start collapsed to keep big webhook payloads readable.
import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { cn } from '@/lib/cn';

interface JsonViewerProps {
  value: unknown;
  /** Levels expanded initially. */
  expandDepth?: number;
  className?: string;
}

export function JsonViewer({ value, expandDepth = 2, className }: JsonViewerProps) {
  return (
    // Left padding leaves room for the root's disclosure chevron, which hangs into the margin.
    <div className={cn('overflow-auto pl-4 font-mono text-xs leading-5', className)}>
      <JsonNode value={value} depth={0} expandDepth={expandDepth} />
    </div>
  );
}

function Scalar({ value }: { value: unknown }) {
  if (value === null) return <span className="text-subtle">null</span>;
  if (value === undefined) return <span className="text-subtle">undefined</span>;
  if (typeof value === 'string') return <span className="break-all text-success">&quot;{value}&quot;</span>;
  if (typeof value === 'number') return <span className="text-accent">{value}</span>;
  if (typeof value === 'boolean') return <span className="text-warning">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

interface NodeProps {
  name?: string;
  value: unknown;
  depth: number;
  expandDepth: number;
}

function JsonNode({ name, value, depth, expandDepth }: NodeProps) {
  const isArray = Array.isArray(value);
  const isObject = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(depth < expandDepth);
  const key = name !== undefined && <span className="text-fg">{name}: </span>;

  if (!isObject) {
    return (
      <div style={{ paddingLeft: depth ? 16 : 0 }}>
        {key}
        <Scalar value={value} />
      </div>
    );
  }

  const entries: [string, unknown][] = isArray
    ? (value as unknown[]).map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>);
  const [openBr, closeBr] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div style={{ paddingLeft: depth ? 16 : 0 }}>
        {key}
        <span className="text-muted">{openBr + closeBr}</span>
      </div>
    );
  }
  const summary = isArray ? `${entries.length} items` : `${entries.length} keys`;

  return (
    <div style={{ paddingLeft: depth ? 16 : 0 }}>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="-ml-4 inline-flex items-center rounded-sm text-left hover:bg-surface-3"
      >
        <ChevronRight aria-hidden className={cn('size-4 text-subtle transition-transform', open && 'rotate-90')} />
        {key}
        <span className="text-muted">{openBr}</span>
        {!open && <span className="px-1 text-subtle">{summary}</span>}
        {!open && <span className="text-muted">{closeBr}</span>}
      </button>
      {open && (
        <>
          {entries.map(([k, v]) => (
            <JsonNode key={k} name={isArray ? undefined : k} value={v} depth={depth + 1} expandDepth={expandDepth} />
          ))}
          <div className="text-muted">{closeBr}</div>
        </>
      )}
    </div>
  );
}
