'use client';

// A workflow drawn with the editor's own node components, read-only (as the history's diff view
// does): pan and zoom, nothing to drag or connect. Plugin actions get their titles from the catalog
// the server serves, so nodes never say "unknown action" for an installed plugin.
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { ActionDescription } from '@/engine/actions/catalog';
import { catalogFromDescriptions } from '@/engine/actions/from-description';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { EditorCanvas } from '@/components/flow-editor/editor-canvas';
import { EditorProvider } from '@/components/flow-editor/editor-context';
import { createEditorStore } from '@/components/flow-editor/store';
import { cn } from '@/lib/cn';
import { useActions } from '@/lib/queries';

export function ReadOnlyGraph({ definition, className }: { definition: WorkflowDefinition; className?: string }) {
  const store = useMemo(() => createEditorStore({ definition }), [definition]);
  const actions = useActions().data;
  useEffect(() => {
    if (actions) store.getState().setCatalog(catalogFromDescriptions(actions as ActionDescription[]));
  }, [actions, store]);
  return (
    // The editor's minimap would cover a quarter of a canvas this small; pan and zoom are enough here.
    <div className={cn('h-72 rounded-lg border border-border [&_[class*=minimap]]:hidden', className)} data-testid="process-graph">
      <EditorProvider store={store}>
        <ReactFlowProvider>
          <EditorCanvas readOnly />
        </ReactFlowProvider>
      </EditorProvider>
    </div>
  );
}
