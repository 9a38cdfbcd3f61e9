'use client';

import { useStore as useFlowStore } from '@xyflow/react';

/** Below this zoom the text would be unreadable anyway: nodes draw a compact form (level of detail). */
const COMPACT_BELOW = 0.45;

/** A boolean selector: nodes re-render when crossing the threshold, not on every zoom step. */
export const useCompact = (): boolean => useFlowStore((s) => s.transform[2] < COMPACT_BELOW);
