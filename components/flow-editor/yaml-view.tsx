'use client';

// The text view of the same workflow. Typing updates the store (and so the canvas) as soon as the
// text parses and has a workflow's shape; until then the text is kept as typed and the error is
// shown with its line, and the canvas keeps the last good version.
import { yaml as yamlLanguage } from '@codemirror/lang-yaml';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { useResolvedTheme } from '@/lib/theme';
import { useEditor, useEditorStore } from './editor-context';

export function YamlView({ readOnly = false }: { readOnly?: boolean }) {
  const store = useEditorStore();
  const text = useEditor((s) => s.draftText ?? s.yaml);
  const error = useEditor((s) => s.textError);
  const theme = useResolvedTheme();
  const extensions = useMemo(() => [yamlLanguage(), EditorView.lineWrapping], []);
  // The dark CodeMirror theme (one-dark) brings its own blue-grey background; the classes on
  // <CodeMirror> below put the app's surface behind the text and the gutter instead.
  return (
    <div className="flex size-full min-h-0 flex-col" data-testid="yaml-view">
      {error && (
        <p role="alert" className="border-b border-[var(--st-red-bd)] bg-[var(--st-red-bg)] px-3 py-1.5 font-mono text-xs text-[var(--st-red-fg)]" data-testid="yaml-error">
          {error} — the canvas shows the last valid version.
        </p>
      )}
      <CodeMirror
        value={text}
        theme={theme}
        extensions={extensions}
        readOnly={readOnly}
        onChange={(value) => store.getState().setYaml(value)}
        basicSetup={{ foldGutter: true, highlightActiveLine: true, history: false }}
        className="min-h-0 flex-1 overflow-auto text-[13px] [&_.cm-editor]:!bg-surface [&_.cm-gutters]:!border-border [&_.cm-gutters]:!bg-surface"
        height="100%"
        aria-label="Workflow YAML"
      />
    </div>
  );
}
