import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { CopyButton } from './copy-button';

interface CodeBlockProps {
  code: string;
  /** Small caption shown in the block's title bar (e.g. "bash", "raw body"). */
  label?: ReactNode;
  className?: string;
  maxHeight?: string;
}

/** Preformatted text with a copy button; used for curl snippets, raw bodies and YAML. */
export function CodeBlock({ code, label, className, maxHeight = '28rem' }: CodeBlockProps) {
  return (
    <div className={cn('overflow-hidden rounded-md border border-border bg-surface-2', className)}>
      <div className="flex h-8 items-center justify-between border-b border-border pr-1 pl-3">
        <span className="font-mono text-[11px] text-muted">{label}</span>
        <CopyButton text={code} label="Copy to clipboard" />
      </div>
      <pre
        tabIndex={0}
        className="overflow-auto p-3 font-mono text-xs leading-relaxed whitespace-pre text-fg"
        style={{ maxHeight }}
      >
        {code}
      </pre>
    </div>
  );
}
