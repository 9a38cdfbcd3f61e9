'use client';

// A new workflow starts from a small, valid example: a trigger and one step to replace. Its name
// is set in the workflow settings (nothing selected); Publish creates version 1. Until it is
// renamed it has a name of its own (`new-workflow-x7k2`), so two people drawing new workflows at
// the same time never autosave over each other's draft.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { workflowSchema } from '@/engine/workflow/schema';
import { toWorkflowYaml } from '@/engine/workflow/text';
import { useCan } from '@/lib/me';
import { useActions } from '@/lib/queries';
import { WorkflowEditor } from '@/components/flow-editor/workflow-editor';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/skeleton';

const starter = (name: string) => workflowSchema.parse({
  apiVersion: 'railyard/v1',
  kind: 'Workflow',
  name,
  description: '',
  trigger: { source: 'generic', type: 'example.happened' },
  steps: [{ id: 'hello', action: 'log', description: 'Replace me: drag actions from the left.', with: { message: 'received {{ event.type }}' } }],
});

export function NewWorkflowClient() {
  const canEdit = useCan('workflows.publish');
  const actions = useActions();
  const router = useRouter();
  const [start] = useState(() => {
    const definition = starter(`new-workflow-${Math.random().toString(36).slice(2, 6)}`);
    return { definition, yaml: toWorkflowYaml(definition) };
  });
  if (actions.error) return <ErrorState error={actions.error} title="Could not load the action catalog" onRetry={() => void actions.refetch()} />;
  if (!actions.data) return <SkeletonRows label="Opening the editor" />;
  return (
    <WorkflowEditor
      isNew
      definition={start.definition}
      yaml={start.yaml}
      baseVersion={null}
      actions={actions.data}
      canEdit={canEdit}
      onPublished={(p) => p.created && router.push(`/workflows/${encodeURIComponent(p.name)}/edit`)}
    />
  );
}
