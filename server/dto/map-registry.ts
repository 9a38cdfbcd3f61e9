import type { Preset, AuthMode, SourceDto, WorkflowDetail } from '@/engine/dto/registry';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import type { Source } from '../db/generated/client';

export const toSourceDto = (s: Source): SourceDto => ({
  key: s.key,
  name: s.name,
  description: s.description,
  preset: s.preset as Preset,
  authMode: s.authMode as AuthMode,
  createdAt: s.createdAt.toISOString(),
});

type WorkflowRow = { name: string; description: string; enabled: boolean; secretGrants?: string[]; versions: { version: number; createdAt: Date }[] };
type VersionRow = { version: number; definition: unknown; yaml: string };

export function toWorkflowDetail(w: WorkflowRow, v: VersionRow): WorkflowDetail {
  const def = v.definition as WorkflowDefinition;
  return {
    name: w.name,
    description: w.description,
    enabled: w.enabled,
    version: v.version,
    versions: w.versions.map((x) => ({ version: x.version, createdAt: x.createdAt.toISOString() })),
    trigger: def.trigger,
    definition: def,
    yaml: v.yaml,
    // Names only, never values: the editor completes `secrets.` with them.
    secretGrants: w.secretGrants ?? [],
  };
}
