'use client';

// Keyboard and clipboard for the editor: undo/redo, select all, copy/cut/paste of steps as YAML.
// Ignored while typing in a field or a code editor, which have their own.
import { useEffect } from 'react';
import { copySelection, pasteSteps } from './commands';
import type { EditorStore } from './store';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || !!t.closest('.cm-editor'));

export function useEditorShortcuts(store: EditorStore, root: React.RefObject<HTMLElement | null>, readOnly: boolean) {
  useEffect(() => {
    const inside = (t: EventTarget | null) => t instanceof Node && (root.current?.contains(t) || t === document.body);
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || !inside(e.target)) return;
      const mod = e.metaKey || e.ctrlKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !readOnly) {
        e.preventDefault();
        if (e.shiftKey) store.getState().redo();
        else store.getState().undo();
      } else if (mod && key === 'y' && !readOnly) {
        e.preventDefault();
        store.getState().redo();
      } else if (mod && key === 'a') {
        e.preventDefault();
        store.getState().select(store.getState().definition.steps.map((s) => s.id));
      } else if (key === 'escape') {
        store.getState().select([]);
      }
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !inside(e.target)) return;
      const text = copySelection(store);
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      if (e.type === 'cut' && !readOnly) store.getState().dispatch({ op: 'remove-steps', ids: store.getState().selection });
    };
    const onPaste = (e: ClipboardEvent) => {
      if (readOnly || isTyping(e.target) || !inside(e.target)) return;
      const text = e.clipboardData?.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      pasteSteps(store, text);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, root, readOnly]);
}
