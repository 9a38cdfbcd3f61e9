'use client';

// Above the canvas: undo/redo, auto-layout, fit, the Canvas/YAML switch, Simulate, save state and Publish.
import { useReactFlow } from '@xyflow/react';
import { LayoutGrid, Maximize, Redo2, Undo2 } from 'lucide-react';
import { autoLayout } from '@/engine/workflow/auto-layout';
import { TRIGGER_ID } from '@/engine/workflow/graph-model';
import { Button } from '@/components/ui/button';
import { Segmented } from '@/components/ui/segmented';
import { useEditor, useEditorStore } from './editor-context';
import { SimulateButton } from './simulate-dialog';
import type { SaveState } from './use-autosave';

export type EditorView = 'canvas' | 'yaml';

const SAVE_TEXT: Record<SaveState['kind'], string> = { clean: 'No changes', dirty: 'Unsaved changes', saving: 'Saving draft…', saved: 'Draft saved', failed: 'Draft not saved' };

export function EditorToolbar(props: { view: EditorView; onView: (v: EditorView) => void; save: SaveState; canEdit: boolean; onPublish: () => void }) {
  const store = useEditorStore();
  const flow = useReactFlow();
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const problems = useEditor((s) => s.issues.length + (s.textError ? 1 : 0));
  const relayout = () => {
    const l = autoLayout(store.getState().definition);
    delete l[TRIGGER_ID];
    store.getState().dispatch({ op: 'move', positions: l });
    requestAnimationFrame(() => void flow.fitView({ padding: 0.08, maxZoom: 1, duration: 200 }));
  };
  return (
    <div className="flex flex-wrap items-center gap-1.5 border-b border-border bg-surface px-2 py-1.5" role="toolbar" aria-label="Editor">
      <Segmented label="View" value={props.view} onChange={props.onView} options={[{ value: 'canvas', label: 'Canvas' }, { value: 'yaml', label: 'YAML' }]} />
      {props.canEdit && (
        <>
          <Button size="icon" variant="ghost" aria-label="Undo (Ctrl+Z)" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={() => store.getState().undo()}>
            <Undo2 aria-hidden />
          </Button>
          <Button size="icon" variant="ghost" aria-label="Redo (Ctrl+Shift+Z)" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={() => store.getState().redo()}>
            <Redo2 aria-hidden />
          </Button>
          <Button size="sm" variant="ghost" onClick={relayout} disabled={props.view !== 'canvas'}>
            <LayoutGrid aria-hidden /> Auto-layout
          </Button>
        </>
      )}
      <Button size="icon" variant="ghost" aria-label="Fit to screen" title="Fit to screen" disabled={props.view !== 'canvas'} onClick={() => void flow.fitView({ padding: 0.08, maxZoom: 1, duration: 200 })}>
        <Maximize aria-hidden />
      </Button>
      <SimulateButton />
      <div className="flex-1" />
      {props.canEdit && (
        <>
          <span className="text-xs text-muted" data-testid="save-state" data-state={props.save.kind} title={props.save.kind === 'failed' ? props.save.error : undefined}>
            {SAVE_TEXT[props.save.kind]}
          </span>
          <Button variant="primary" size="sm" onClick={props.onPublish} disabled={problems > 0} title={problems > 0 ? 'Fix the problems first' : undefined} data-testid="publish">
            Publish
          </Button>
        </>
      )}
    </div>
  );
}
