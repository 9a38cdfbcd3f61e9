'use client';

// The completion tree for one field, rebuilt only when what it is made of changes (the steps,
// the trigger, the catalog, the sample payloads, the granted secrets), not on every render.
import { useMemo } from 'react';
import { useEventTypeSample } from '@/lib/expression-queries';
import { useActions } from '@/lib/queries';
import { useEditor } from '../editor-context';
import { buildCompletionTree, type CompletionNode } from './completion-tree';

export function useCompletionTree(stepId: string | undefined): CompletionNode {
  const steps = useEditor((s) => s.definition.steps);
  const trigger = useEditor((s) => s.definition.trigger);
  const grants = useEditor((s) => s.secretGrants);
  const actions = useActions().data;
  const sample = useEventTypeSample(trigger.source, trigger.type).data;
  return useMemo(() => {
    const outputsByAction = Object.fromEntries((actions ?? []).map((a) => [a.id, a.outputs]));
    const payloads = [sample?.samplePayload, ...(sample?.recent.map((r) => r.payload) ?? [])].filter((p) => p !== null && p !== undefined);
    return buildCompletionTree({ definition: { steps, trigger }, stepId, outputsByAction, payloads, secretGrants: grants });
  }, [steps, trigger, grants, actions, sample, stepId]);
}
