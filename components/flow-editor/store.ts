// The workflow being edited lives here and nowhere else (DESIGN.md "The editor"). The canvas, the
// side panel, paste and the YAML tab all change it through `dispatch` (a typed operation) or
// `setYaml` (text), so there is one undo history, one validation and one thing to autosave.
// React Flow is a controlled view: it renders `definition` and reports gestures back as operations.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ActionLookup } from '@/engine/actions/definition';
import { actionCatalog } from '@/engine/actions/catalog';
import { applyOperation, type WorkflowOperation } from '@/engine/workflow/operations';
import { workflowSchema, type WorkflowDefinition, type WorkflowStep } from '@/engine/workflow/schema';
import { parseWorkflowText, toWorkflowYaml, WorkflowTextError } from '@/engine/workflow/text';
import { validateWorkflow, type WorkflowIssue } from '@/engine/workflow/validate';
import { applyToYaml } from '@/engine/workflow/yaml-edit';

interface Snapshot {
  definition: WorkflowDefinition;
  yaml: string;
}

export interface EditorState extends Snapshot {
  /** The YAML tab's text when it does not parse or validate in shape; the canvas keeps the last good definition. */
  draftText: string | null;
  textError: string | null;
  stepsById: ReadonlyMap<string, WorkflowStep>;
  issues: WorkflowIssue[];
  /** Issues keyed by step id, for the red marks on nodes. */
  issuesByStep: ReadonlyMap<string, WorkflowIssue[]>;
  selection: string[];
  /** The last refused operation ("would make a cycle…"), shown as a notice. */
  notice: string | null;
  past: Snapshot[];
  future: Snapshot[];
  /** Bumped on every change; autosave and "unsaved" compare against the saved revision. */
  revision: number;
  catalog: ActionLookup;
  secretGrants: readonly string[];
  /** Diff view only: how each step changed between the two versions shown. */
  marks: ReadonlyMap<string, 'added' | 'changed' | 'removed'>;

  dispatch: (op: WorkflowOperation, opts?: { coalesce?: string }) => boolean;
  setYaml: (text: string) => void;
  undo: () => void;
  redo: () => void;
  select: (ids: string[]) => void;
  setCatalog: (catalog: ActionLookup) => void;
  dismissNotice: () => void;
}

export type EditorStore = StoreApi<EditorState>;

const HISTORY_LIMIT = 200;
/** Keystrokes in one field (or one text edit burst) within this window are one undo step. */
const COALESCE_MS = 800;

export function createEditorStore(init: {
  definition: WorkflowDefinition;
  yaml?: string;
  catalog?: ActionLookup;
  secretGrants?: readonly string[];
  marks?: ReadonlyMap<string, 'added' | 'changed' | 'removed'>;
}): EditorStore {
  let lastCoalesce: { key: string; at: number } | null = null;

  return createStore<EditorState>()((set, get) => {
    const derive = (definition: WorkflowDefinition, catalog = get()?.catalog ?? init.catalog ?? actionCatalog) => {
      const result = validateWorkflow(definition, catalog);
      const issues = result.ok ? [] : result.issues;
      const issuesByStep = new Map<string, WorkflowIssue[]>();
      for (const issue of issues) if (issue.step) issuesByStep.set(issue.step, [...(issuesByStep.get(issue.step) ?? []), issue]);
      return { stepsById: new Map(definition.steps.map((s) => [s.id, s])), issues, issuesByStep };
    };

    /** Records the current state for undo unless this change continues the previous burst. */
    const remember = (key?: string) => {
      const now = Date.now();
      const continues = key && lastCoalesce?.key === key && now - lastCoalesce.at < COALESCE_MS;
      lastCoalesce = key ? { key, at: now } : null;
      if (continues) return {};
      const { definition, yaml, past } = get();
      return { past: [...past.slice(-HISTORY_LIMIT + 1), { definition, yaml }], future: [] };
    };

    const commit = (definition: WorkflowDefinition, yaml: string, key?: string) =>
      set((s) => ({ ...remember(key), definition, yaml, draftText: null, textError: null, ...derive(definition), revision: s.revision + 1 }));

    const yaml = init.yaml ?? toWorkflowYaml(init.definition);
    return {
      definition: init.definition,
      yaml,
      draftText: null,
      textError: null,
      ...derive(init.definition, init.catalog ?? actionCatalog),
      selection: [],
      notice: null,
      past: [],
      future: [],
      revision: 0,
      catalog: init.catalog ?? actionCatalog,
      secretGrants: init.secretGrants ?? [],
      marks: init.marks ?? new Map(),

      dispatch(op, opts) {
        const { definition, yaml: text } = get();
        const result = applyOperation(definition, op);
        if (!result.ok) {
          set({ notice: result.error });
          return false;
        }
        if (result.definition === definition) return true;
        commit(result.definition, applyToYaml(text, result.definition), opts?.coalesce);
        if (op.op === 'rename-step') set((s) => ({ selection: s.selection.map((id) => (id === op.from ? op.to : id)) }));
        if (op.op === 'remove-steps') set((s) => ({ selection: s.selection.filter((id) => !op.ids.includes(id)) }));
        return true;
      },

      setYaml(text) {
        try {
          const parsed = parseWorkflowText(text);
          const result = validateWorkflow(parsed, get().catalog);
          // Semantic issues (a missing param) still make a definition the canvas can show;
          // only text whose shape is wrong stays in the text tab until it is fixed.
          const definition = result.ok ? result.workflow : shapeOnly(parsed);
          if (!definition) {
            const first = result.ok ? 'invalid workflow' : result.issues[0].message;
            set({ draftText: text, textError: first });
            return;
          }
          commit(definition, text, 'yaml');
        } catch (err) {
          set({ draftText: text, textError: err instanceof WorkflowTextError ? err.message : String(err) });
        }
      },

      undo() {
        const { past, future, definition, yaml: text } = get();
        const prev = past.at(-1);
        if (!prev) return;
        lastCoalesce = null;
        set((s) => ({ ...prev, past: past.slice(0, -1), future: [{ definition, yaml: text }, ...future], draftText: null, textError: null, ...derive(prev.definition), revision: s.revision + 1 }));
      },

      redo() {
        const { past, future, definition, yaml: text } = get();
        const next = future[0];
        if (!next) return;
        lastCoalesce = null;
        set((s) => ({ ...next, past: [...past, { definition, yaml: text }], future: future.slice(1), draftText: null, textError: null, ...derive(next.definition), revision: s.revision + 1 }));
      },

      select: (ids) => set({ selection: ids }),
      setCatalog: (catalog) => set((s) => ({ catalog, ...derive(s.definition, catalog) })),
      dismissNotice: () => set({ notice: null }),
    };
  });
}

function shapeOnly(parsed: unknown): WorkflowDefinition | null {
  const r = workflowSchema.safeParse(parsed);
  return r.success ? r.data : null;
}
