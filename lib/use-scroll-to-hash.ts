'use client';

import { useEffect } from 'react';

/**
 * Pages that load their content after the first paint miss the browser's own jump to `#fragment`
 * (the element did not exist yet); this jumps once `ready` turns true.
 */
export function useScrollToHash(ready: boolean) {
  useEffect(() => {
    if (!ready || !window.location.hash) return;
    const el = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    el?.scrollIntoView({ block: 'start' });
  }, [ready]);
}
