import { Fragment } from 'react';

/**
 * Renders `backticked` spans of a description as code. Registry and workflow descriptions are
 * written by people in a markdown-ish style; this is the only markup we honour (no HTML).
 */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((p, i) =>
        p.length > 2 && p.startsWith('`') && p.endsWith('`') ? (
          <code key={i} className="rounded bg-surface-2 px-1 font-mono text-[0.92em] text-fg">
            {p.slice(1, -1)}
          </code>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}
