'use client';

// The source / type / payload trio shared by the Send and Simulate pages: the payload starts as the
// chosen type's sample and follows it until the person edits it by hand.
import { useEffect, useRef, useState } from 'react';
import type { RegistryDto } from '@/engine/dto/registry';

export const prettyJson = (v: unknown) => (v === null || v === undefined ? '{}' : JSON.stringify(v, null, 2));

export function useEventDraft(registry: RegistryDto, initialSource?: string, initialType?: string) {
  const [source, setSource] = useState(initialSource || registry[0]?.key || '');
  const types = registry.find((s) => s.key === source)?.eventTypes ?? [];
  const [type, setType] = useState(initialType || types[0]?.type || '');
  const sample = types.find((t) => t.type === type)?.samplePayload;
  const [payload, setPayload] = useState(() => prettyJson(sample));

  const lastPrefill = useRef(payload);
  useEffect(() => {
    const next = prettyJson(sample);
    setPayload((cur) => (cur === lastPrefill.current ? next : cur));
    lastPrefill.current = next;
  }, [sample]);

  /** Keeps a typed type if the new source knows it; otherwise starts from its first known type. */
  const pickSource = (key: string) => {
    setSource(key);
    const next = registry.find((s) => s.key === key)?.eventTypes ?? [];
    if (!next.some((t) => t.type === type)) setType(next[0]?.type ?? '');
  };

  return { source, setSource, pickSource, types, type, setType, payload, setPayload };
}
