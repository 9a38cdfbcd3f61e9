'use client';

// Saves the draft a second after the last change (and when the page is hidden), so closing the tab
// loses nothing. The draft holds the YAML text as shown, comments included, valid or not.
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { apiSend, errorMessage } from '@/lib/api';
import type { EditorStore } from './store';

export type SaveState = { kind: 'clean' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; error: string };

const DELAY_MS = 1000;

export function useAutosave(store: EditorStore, opts: { name: string; baseVersion: number | null; enabled: boolean }) {
  const [state, setState] = useState<SaveState>({ kind: 'clean' });
  const savedRevision = useRef(store.getState().revision);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    const s = store.getState();
    if (!opts.enabled || s.revision === savedRevision.current) return;
    const revision = s.revision;
    setState({ kind: 'saving' });
    try {
      await apiSend('PUT', `/api/workflows/${encodeURIComponent(opts.name)}/draft`, { yaml: s.draftText ?? s.yaml, baseVersion: opts.baseVersion }, z.unknown());
      savedRevision.current = revision;
      setState(store.getState().revision === revision ? { kind: 'saved', at: new Date() } : { kind: 'dirty' });
    } catch (err) {
      setState({ kind: 'failed', error: errorMessage(err) });
    }
  }, [store, opts.enabled, opts.name, opts.baseVersion]);

  useEffect(() => {
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.revision === prev.revision && s.draftText === prev.draftText) return;
      setState({ kind: 'dirty' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DELAY_MS);
    });
    const onHide = () => document.visibilityState === 'hidden' && void save();
    document.addEventListener('visibilitychange', onHide);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      clearTimeout(timer.current);
    };
  }, [store, save]);

  /** After publishing: the published text is the new baseline. */
  const markClean = useCallback(() => {
    savedRevision.current = store.getState().revision;
    clearTimeout(timer.current);
    setState({ kind: 'clean' });
  }, [store]);

  return { state, saveNow: save, markClean };
}
