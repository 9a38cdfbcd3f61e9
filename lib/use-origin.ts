import { useSyncExternalStore } from 'react';

const noop = () => () => {};

/** This dashboard's origin for copy-paste snippets; localhost:3000 (npm start's default) on the server. */
export function useOrigin(): string {
  return useSyncExternalStore(
    noop,
    () => window.location.origin,
    () => 'http://localhost:3000',
  );
}
