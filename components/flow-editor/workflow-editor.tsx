'use client';

// The visual workflow editor: palette | canvas or YAML | side panel, problems below. One store
// (see store.ts) behind every view; drafts autosave; Publish creates a version.
import { ReactFlowProvider } from '@xyflow/react';
import { X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { catalogFromDescriptions } from '@/engine/actions/from-description';
import type { ActionDescription } from '@/engine/actions/catalog';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import type { ActionInfo } from '@/lib/queries';
import { EditorCanvas } from './editor-canvas';
import { EditorProvider, useEditor, useEditorStore } from './editor-context';
import { EditorToolbar, type EditorView } from './editor-toolbar';
import { Palette } from './palette';
import { ProblemsPanel } from './problems-panel';
import { PublishDialog, type Published } from './publish-dialog';
import { SidePanel } from './side-panel';
import { createEditorStore } from './store';
import { useAutosave } from './use-autosave';
import { useEditorShortcuts } from './use-shortcuts';
import { YamlView } from './yaml-view';

export interface WorkflowEditorProps {
  /** Where drafts are saved and what Publish publishes; for a new workflow, its (editable) name. */
  definition: WorkflowDefinition;
  yaml: string;
  baseVersion: number | null;
  actions: readonly ActionInfo[];
  secretGrants?: readonly string[];
  canEdit: boolean;
  isNew?: boolean;
  onPublished?: (p: Published) => void;
}

export function WorkflowEditor(props: WorkflowEditorProps) {
  const [store] = useState(() =>
    createEditorStore({ definition: props.definition, yaml: props.yaml, secretGrants: props.secretGrants, catalog: catalogFromDescriptions(props.actions as ActionDescription[]) }),
  );
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <EditorLayout {...props} />
      </ReactFlowProvider>
    </EditorProvider>
  );
}

function EditorLayout(props: WorkflowEditorProps) {
  const store = useEditorStore();
  const root = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView>('canvas');
  const [publishing, setPublishing] = useState(false);
  const name = useEditor((s) => s.definition.name);
  const autosave = useAutosave(store, { name, baseVersion: props.baseVersion, enabled: props.canEdit });
  useEditorShortcuts(store, root, !props.canEdit);
  const yaml = useEditor((s) => s.yaml);

  // Leaving with changes that are not saved yet asks first (the draft usually is saved already).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (autosave.state.kind === 'dirty' || autosave.state.kind === 'saving') e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [autosave.state.kind]);

  // data-full-bleed: the app shell drops its page width and padding, so the canvas gets the whole
  // window under the 3rem header (a draft banner above it scrolls the page by its own height).
  return (
    <div ref={root} className="flex h-[calc(100dvh-3rem)] min-h-[28rem] flex-col" data-testid="workflow-editor" data-full-bleed>
      <EditorToolbar view={view} onView={setView} save={autosave.state} canEdit={props.canEdit} onPublish={() => setPublishing(true)} />
      <Notice />
      <div className="grid min-h-0 flex-1 grid-cols-[15rem_minmax(0,1fr)_20rem]">
        <Palette actions={props.actions} disabled={!props.canEdit} />
        <div className="flex min-h-0 min-w-0 flex-col">
          <div className="min-h-0 flex-1">{view === 'canvas' ? <EditorCanvas readOnly={!props.canEdit} /> : <YamlView readOnly={!props.canEdit} />}</div>
          <ProblemsPanel />
        </div>
        <SidePanel actions={props.actions} readOnly={!props.canEdit} isNew={props.isNew} />
      </div>
      {props.canEdit && (
        <PublishDialog
          open={publishing}
          onClose={() => setPublishing(false)}
          name={name}
          yaml={yaml}
          onPublished={(p) => {
            setPublishing(false);
            autosave.markClean();
            store.setState({ notice: p.created ? `Published version ${p.version}.` : `Nothing to publish: identical to the live version ${p.version}.` });
            props.onPublished?.(p);
          }}
        />
      )}
    </div>
  );
}

function Notice() {
  const store = useEditorStore();
  const notice = useEditor((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => store.getState().dismissNotice(), 6000);
    return () => clearTimeout(t);
  }, [notice, store]);
  if (!notice) return null;
  return (
    <div role="status" className="flex items-center justify-between gap-2 border-b border-border bg-accent-soft px-3 py-1.5 text-xs" data-testid="editor-notice">
      <span>{notice}</span>
      <button type="button" aria-label="Dismiss" onClick={() => store.getState().dismissNotice()}>
        <X aria-hidden className="size-3.5" />
      </button>
    </div>
  );
}
