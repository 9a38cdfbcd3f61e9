// The registry's document kinds, in export and apply order: what a later kind refers to comes
// first (a workflow's trigger names a source). A new kind (Pipeline) is one module added here.
import { eventTypeKind } from './event-type-kind';
import type { RegistryKind } from './kind';
import { pipelineKind } from './pipeline-kind';
import { sourceKind } from './source-kind';
import { workflowKind } from './workflow-kind';

export const REGISTRY_KINDS: readonly RegistryKind[] = [sourceKind, eventTypeKind, workflowKind, pipelineKind];

export const kindNamed = (kind: string): RegistryKind | undefined => REGISTRY_KINDS.find((k) => k.kind === kind);
