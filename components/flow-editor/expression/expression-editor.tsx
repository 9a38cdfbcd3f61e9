'use client';

// A small CodeMirror 6 editor for templates (`text {{ expr }}`) and conditions (bare JSONata):
// completion of what the expression may read at this place (completion-tree.ts), also inside a
// template string after `{{`; JSONata parse errors underlined where they are (expression-text.ts).
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { linter, type Diagnostic } from '@codemirror/lint';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useResolvedTheme } from '@/lib/theme';
import { completionsAt, type CompletionNode } from './completion-tree';
import { expressionBeforeCursor, expressionProblems, pathAtCursor, type ExpressionMode } from './expression-text';
import { useCompletionTree } from './use-completion-tree';

interface Props {
  value: string;
  onChange: (text: string) => void;
  mode: ExpressionMode;
  /** The step whose field this is (upstream steps are offered); absent for the trigger filter. */
  stepId?: string;
  label: string;
  placeholder?: string;
  testId?: string;
  id?: string;
  describedBy?: string;
  /** Focus with the caret at the end when it appears (after `{{` was typed into a fixed input). */
  autoFocus?: boolean;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function completionSource(tree: () => CompletionNode, mode: ExpressionMode) {
  return (context: CompletionContext): CompletionResult | null => {
    const doc = context.state.doc.toString();
    const expr = expressionBeforeCursor(doc, context.pos, mode);
    if (expr === null) return null;
    const at = pathAtCursor(expr);
    if (!at) return null;
    // Right after `{{ ` (or Ctrl+Space) offer the roots; elsewhere wait for a letter or a dot.
    const justOpened = /\{\{\s*$/.test(doc.slice(0, context.pos)) || (mode === 'expression' && doc.trim() === '');
    if (!context.explicit && at.path.length === 0 && at.prefix === '' && !justOpened) return null;
    const options: Completion[] = completionsAt(tree(), at.path).map(([name, node]) => ({
      label: name,
      apply: IDENT.test(name) ? name : `\`${name}\``,
      detail: node.detail,
      info: node.info,
      type: node.children && Object.keys(node.children).length > 0 ? 'namespace' : 'property',
    }));
    return options.length > 0 ? { from: context.pos - at.prefix.length, options, validFor: /^[A-Za-z0-9_]*$/ } : null;
  };
}

export function ExpressionEditor({ value, onChange, mode, stepId, label, placeholder, testId, id, describedBy, autoFocus }: Props) {
  const theme = useResolvedTheme();
  const tree = useCompletionTree(stepId);
  const treeRef = useRef(tree);
  treeRef.current = tree;
  const wrapper = useRef<HTMLDivElement>(null);
  // The side panel disables its fields with <fieldset disabled> for read-only people; a
  // contenteditable does not follow that, so ask the fieldset.
  const [disabled, setDisabled] = useState(false);
  useLayoutEffect(() => setDisabled(!!wrapper.current?.closest('fieldset')?.disabled), []);

  const extensions = useMemo(
    () => [
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label, ...(id && { id }), ...(describedBy && { 'aria-describedby': describedBy }) }),
      autocompletion({ override: [completionSource(() => treeRef.current, mode)], icons: false }),
      linter((view): Diagnostic[] => expressionProblems(view.state.doc.toString(), mode).map((p) => ({ ...p, severity: 'error' })), { delay: 250 }),
    ],
    [label, id, describedBy, mode],
  );
  return (
    <div ref={wrapper} className="rounded-md border border-border bg-surface text-xs focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/30" data-testid={testId} data-mode={mode}>
      <CodeMirror
        value={value}
        theme={theme}
        extensions={extensions}
        editable={!disabled}
        readOnly={disabled}
        placeholder={placeholder}
        onChange={onChange}
        onCreateEditor={(view) => {
          if (!autoFocus) return;
          view.focus();
          view.dispatch({ selection: { anchor: view.state.doc.length } });
        }}
        basicSetup={{ lineNumbers: false, foldGutter: false, highlightActiveLine: false, highlightActiveLineGutter: false, autocompletion: false, searchKeymap: false }}
        className="[&_.cm-editor]:!bg-transparent [&_.cm-editor.cm-focused]:outline-none [&_.cm-content]:py-1.5 [&_.cm-content]:font-mono"
        minHeight="2rem"
        maxHeight="12rem"
      />
    </div>
  );
}
