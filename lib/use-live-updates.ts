// One EventSource to /api/stream for the whole app (mounted in app/providers.tsx). The browser
// reconnects by itself and sends Last-Event-ID, so the server replays what we missed from the
// capped Redis stream; we never poll.
import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { liveMessageSchema } from '@/engine/dto/live';
import { applyLiveMessage } from './live-cache';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

// Connection state for the header indicator: a module-level store, since there is one connection.
let status: LiveStatus = 'connecting';
const listeners = new Set<() => void>();
function setStatus(next: LiveStatus): void {
  if (next === status) return;
  status = next;
  for (const l of listeners) l();
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => status,
    () => 'connecting',
  );
}

export function useLiveUpdates(): void {
  const qc = useQueryClient();
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;

    const connect = () => {
      source = new EventSource('/api/stream');
      source.onopen = () => {
        setStatus('live');
        delay = 1000;
        // A fresh connection starts at the stream's tail, so anything that changed between a
        // page's first fetch and this moment (or during an outage longer than the capped stream
        // keeps) would be missed; one refetch of what is cached closes that gap.
        void qc.invalidateQueries();
      };
      source.onerror = () => {
        setStatus('reconnecting');
        // CONNECTING means the browser retries by itself (with Last-Event-ID). CLOSED means it gave
        // up (e.g. a 5xx during a deploy): retry ourselves with backoff.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(connect, delay);
          delay = Math.min(delay * 2, 30_000);
        }
      };
      source.onmessage = (e: MessageEvent<string>) => {
        let json: unknown;
        try {
          json = JSON.parse(e.data);
        } catch {
          return;
        }
        const parsed = liveMessageSchema.safeParse(json);
        if (!parsed.success) {
          console.warn('[railyard] ignored live message', parsed.error.issues);
          return;
        }
        applyLiveMessage(qc, parsed.data);
      };
    };

    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [qc]);
}
