'use client';

// "Emitted by run …": the run whose event.emit step sent this event, named by workflow and number
// once its (cached, live) detail is loaded.
import Link from 'next/link';
import { shortId } from '@/lib/format';
import { useRun } from '@/lib/queries';

export function ParentRunLink({ runId }: { runId: string }) {
  const parent = useRun(runId);
  return (
    <Link href={`/runs/${runId}`} className="text-xs text-accent hover:underline" data-testid="event-parent-run">
      {parent.data ? (
        <>
          {parent.data.workflow.name} <span className="font-mono">#{parent.data.number}</span>
        </>
      ) : (
        <span className="font-mono">{shortId(runId)}</span>
      )}
    </Link>
  );
}
