// Theme preference: 'system' follows prefers-color-scheme; 'light'/'dark' pin it. The CSS reads
// data-theme on <html> (see app/globals.css); lib/theme-script.ts applies it before first paint.
import { useEffect, useSyncExternalStore } from 'react';
import { useLocal, writeLocal } from './local-store';
import { THEME_STORAGE_KEY } from './theme-script';

export type ThemePreference = 'system' | 'light' | 'dark';
const KEY = THEME_STORAGE_KEY;

export function useThemePreference(): ThemePreference {
  const v = useLocal(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function setThemePreference(pref: ThemePreference): void {
  writeLocal(KEY, pref === 'system' ? null : pref);
}

/** Keeps <html data-theme> in sync with the stored preference. Mounted once in providers. */
export function useApplyTheme(): void {
  const pref = useThemePreference();
  useEffect(() => {
    const root = document.documentElement;
    if (pref === 'system') delete root.dataset.theme;
    else root.dataset.theme = pref;
  }, [pref]);
}

function subscribeScheme(cb: () => void): () => void {
  const mq = window.matchMedia('(prefers-color-scheme: dark)');
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
}

/** The theme actually shown, for widgets that need a concrete value (React Flow's colorMode). */
export function useResolvedTheme(): 'light' | 'dark' {
  const pref = useThemePreference();
  const systemDark = useSyncExternalStore(
    subscribeScheme,
    () => window.matchMedia('(prefers-color-scheme: dark)').matches,
    () => false,
  );
  if (pref !== 'system') return pref;
  return systemDark ? 'dark' : 'light';
}
