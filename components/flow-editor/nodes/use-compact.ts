'use client';

import { useStore as useFlowStore } from '@xyflow/react';

/**
 * Below this zoom the 11–12px detail lines shrink under ~7px on screen and cannot be read, so
 * nodes draw a compact form instead (the step id, large). Fitting a four-column workflow between
 * the palette and the side panel of a 1440px screen lands near 0.5.
 */
const COMPACT_BELOW = 0.6;

/** A boolean selector: nodes re-render when crossing the threshold, not on every zoom step. */
export const useCompact = (): boolean => useFlowStore((s) => s.transform[2] < COMPACT_BELOW);
