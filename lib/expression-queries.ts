// Queries behind the expression editor: the sample data that `event.payload…` completion reads,
// and the server-side preview (engine/dto/expressions.ts holds both contracts).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { eventTypeSampleSchema, previewResultSchema } from '@/engine/dto/expressions';
import { isValidEventType } from '@/engine/intake/event-type';
import { apiGet, apiSend } from './api';

const enc = encodeURIComponent;

export const expressionKeys = {
  sample: (source: string, type: string) => ['event-type-sample', source, type] as const,
  preview: (body: PreviewRequest) => ['expression-preview', body] as const,
};

/** Sample payload and newest stored events of the trigger's type; nothing is asked while the type is being typed. */
export function useEventTypeSample(source: string, type: string) {
  return useQuery({
    queryKey: expressionKeys.sample(source, type),
    enabled: /^[a-z0-9][a-z0-9-]{0,62}$/.test(source) && isValidEventType(type),
    queryFn: ({ signal }) => apiGet(`/api/event-types/${enc(source)}/${enc(type)}/sample`, eventTypeSampleSchema, signal),
    staleTime: 60_000,
  });
}

export type PreviewRequest = {
  template?: string;
  expression?: string;
  eventId?: string;
  payload?: unknown;
  workflow?: string;
  stepId?: string;
  vars?: Record<string, unknown>;
};

/** The value `delayMs` after it stopped changing. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(t);
  }, [value, delayMs]);
  return settled;
}

/** Evaluated on the server (time, size caps; secrets as «secret NAME»), 400 ms after typing stops. */
export function useExpressionPreview(body: PreviewRequest | null) {
  // Debounced as text: a fresh object every render must not restart the timer forever.
  const text = useDebounced(body === null ? null : JSON.stringify(body), 400);
  const settled = text === null ? null : (JSON.parse(text) as PreviewRequest);
  return useQuery({
    queryKey: expressionKeys.preview(settled ?? {}),
    enabled: settled !== null,
    queryFn: async () => (await apiSend('POST', '/api/expressions/preview', settled, previewResultSchema)).data,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}
