'use client';

// Loads what the editor needs (live version, the shared draft, the catalog, who you are) and
// opens it. A draft, when there is one, is what you continue; it can be discarded. The page
// prefetches all four on the server (editor-prefetch.ts), so they are usually cached at hydration.
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { workflowSchema, type WorkflowDefinition } from '@/engine/workflow/schema';
import { parseWorkflowText } from '@/engine/workflow/text';
import { apiSend } from '@/lib/api';
import { useCan, useMe } from '@/lib/me';
import { keys, useActions, useWorkflow } from '@/lib/queries';
import { useWorkflowDraft, workflowKeys } from '@/lib/workflow-queries';
import { WorkflowEditor } from '@/components/flow-editor/workflow-editor';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { SkeletonRows } from '@/components/ui/skeleton';

export function EditWorkflowClient({ name }: { name: string }) {
  const me = useMe();
  const canEdit = useCan('workflows.publish');
  const wf = useWorkflow(name);
  const actions = useActions();
  const draft = useWorkflowDraft(name, canEdit);
  const qc = useQueryClient();
  const [key, setKey] = useState(0);
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const failed = wf.error ?? actions.error ?? draft.error;
  if (failed) return <ErrorState error={failed} title="Could not open the editor" onRetry={() => void qc.invalidateQueries()} />;
  // Until we know who you are, we cannot know whether a draft applies: opening read-only first and
  // again with the draft would build a big workflow's editor twice.
  // With prefetched data the server would render the whole canvas into HTML only for React Flow to
  // measure and hydrate it again; the canvas is built in the browser, right at hydration.
  if (!inBrowser || !wf.data || !actions.data || me.isPending || (canEdit && draft.isPending)) return <SkeletonRows label="Opening the editor" />;

  const live = wf.data.definition as WorkflowDefinition;
  const fromDraft = draft.data ? definitionFromText(draft.data.yaml) : null;
  const discard = async () => {
    await apiSend('DELETE', `/api/workflows/${encodeURIComponent(name)}/draft`, undefined, z.unknown());
    qc.setQueryData(workflowKeys.draft(name), null);
    setKey((k) => k + 1);
  };
  return (
    <>
      {draft.data && (
        <div className="flex items-center gap-3 border-b border-border bg-[var(--st-amber-bg)] px-4 py-1.5 text-xs" data-testid="draft-banner">
          <span>
            Continuing the draft saved by {draft.data.updatedBy ?? 'someone'} <RelativeTime iso={draft.data.updatedAt} />
            {draft.data.baseVersion !== null && draft.data.baseVersion !== wf.data.version && ` — it started from v${draft.data.baseVersion}; v${wf.data.version} is live now`}.
          </span>
          <Button size="sm" variant="ghost" onClick={() => void discard()}>
            Discard draft
          </Button>
          <Link href={`/workflows/${encodeURIComponent(name)}`} className="ml-auto text-accent hover:underline">
            Live version
          </Link>
        </div>
      )}
      <WorkflowEditor
        key={key}
        definition={fromDraft ?? live}
        yaml={draft.data?.yaml ?? wf.data.yaml}
        baseVersion={wf.data.version}
        actions={actions.data}
        secretGrants={wf.data.secretGrants}
        canEdit={canEdit}
        onPublished={() => {
          void qc.invalidateQueries({ queryKey: keys.workflow(name) });
          void qc.invalidateQueries({ queryKey: workflowKeys.versions(name) });
          qc.setQueryData(workflowKeys.draft(name), null);
        }}
      />
    </>
  );
}

const noSubscription = () => () => {};

/** A draft's text as a definition for the canvas, when it has a workflow's shape. */
function definitionFromText(text: string): WorkflowDefinition | null {
  try {
    const r = workflowSchema.safeParse(parseWorkflowText(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
