// A tiny localStorage-backed external store (the theme toggle uses it), so every component
// reading a key re-renders when any other component (or another tab) writes it.
import { useSyncExternalStore } from 'react';

const LOCAL_EVENT = 'railyard:local-store';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange); // other tabs
  window.addEventListener(LOCAL_EVENT, onChange); // this tab
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(LOCAL_EVENT, onChange);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policies): behave as if empty
  }
}

export function writeLocal(key: string, value: string | null): void {
  try {
    if (value === null || value === '') window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    /* ignore: the value simply won't persist */
  }
  window.dispatchEvent(new Event(LOCAL_EVENT));
}

/** The stored value, or null. Always null during server rendering and hydration. */
export function useLocal(key: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
}
