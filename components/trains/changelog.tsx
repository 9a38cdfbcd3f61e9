// The train's changelog as safe text (see changelog-text.ts): React escapes every string, links
// are only http(s), and they open without handing this page to the target (noopener).
import { Fragment } from 'react';
import { cn } from '@/lib/cn';
import { changelogBlocks, type Inline } from './changelog-text';

function Parts({ parts }: { parts: Inline[] }) {
  return parts.map((p, i) => {
    switch (p.kind) {
      case 'link':
        return (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer" className="break-all text-accent underline">
            {p.text}
          </a>
        );
      case 'ticket':
        return (
          <span key={i} data-testid="changelog-ticket" className="rounded bg-surface-2 px-1 font-mono whitespace-nowrap text-[0.8em] font-semibold">
            {p.text}
          </span>
        );
      case 'code':
        return (
          <code key={i} className="rounded bg-surface-2 px-1 font-mono text-[0.85em]">
            {p.text}
          </code>
        );
      case 'strong':
        return (
          <strong key={i} className="font-semibold">
            {p.text}
          </strong>
        );
      default:
        return <Fragment key={i}>{p.text}</Fragment>;
    }
  });
}

export function Changelog({ text, className }: { text: string; className?: string }) {
  const blocks = changelogBlocks(text);
  if (blocks.length === 0) return <p className={cn('text-xs text-muted', className)}>The changelog is written when the branch is cut.</p>;
  return (
    <div data-testid="changelog" className={cn('space-y-1 text-sm', className)}>
      {blocks.map((b, i) =>
        b.kind === 'gap' ? (
          <div key={i} aria-hidden className="h-1.5" />
        ) : b.kind === 'heading' ? (
          <p key={i} className="pt-1 font-semibold">
            <Parts parts={b.parts} />
          </p>
        ) : b.kind === 'item' ? (
          <p key={i} data-testid="changelog-item" className="relative pl-4 before:absolute before:left-1 before:text-subtle before:content-['•']">
            <Parts parts={b.parts} />
          </p>
        ) : (
          <p key={i}>
            <Parts parts={b.parts} />
          </p>
        ),
      )}
    </div>
  );
}
