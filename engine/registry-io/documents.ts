// The non-workflow documents of a registry export, and the problem shape an import reports.
// Workflows have their own text form (engine/workflow/schema.ts), stored and exported as written.
// Every object is strict, as in workflows: a misspelt key in a reviewed file must be an error.
import { Document } from 'yaml';
import { z } from 'zod';
import { AUTH_MODES, PRESETS } from '../dto/registry';
import { eventTypeString } from '../intake/event-type';
import { WORKFLOW_API_VERSION } from '../workflow/schema';

export const SOURCE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A source without its secrets: an imported source that did not exist has none yet. */
export const sourceDocument = z.strictObject({
  apiVersion: z.literal(WORKFLOW_API_VERSION),
  kind: z.literal('Source'),
  key: z.string().regex(SOURCE_KEY_PATTERN, 'key must be lower-case letters, digits and "-" (max 63)'),
  name: z.string().min(1).max(100),
  description: z.string().max(2000).default(''),
  preset: z.enum(PRESETS),
  authMode: z.enum(AUTH_MODES),
});
export type SourceDocument = z.output<typeof sourceDocument>;

export const eventTypeDocument = z.strictObject({
  apiVersion: z.literal(WORKFLOW_API_VERSION),
  kind: z.literal('EventType'),
  source: z.string().regex(SOURCE_KEY_PATTERN, 'source must be a source key'),
  type: eventTypeString(),
  description: z.string().max(10_000).default(''),
  samplePayload: z.unknown().optional(),
});
export type EventTypeDocument = z.output<typeof eventTypeDocument>;

/** Where a problem is: the document's position (from 1) and, when readable, its kind and name. */
export interface DocumentRef {
  index: number;
  kind?: string;
  name?: string;
}

export interface ImportProblem {
  document: DocumentRef;
  step?: string;
  field?: string;
  message: string;
}

export interface ImportItem {
  kind: string;
  name: string;
  /** The workflow version now live, for workflows. */
  version?: number;
  /** What the operator still has to do (a created source needs a secret). */
  note?: string;
}

export interface ImportReport {
  created: ImportItem[];
  updated: ImportItem[];
  unchanged: ImportItem[];
}

/** YAML with keys in the order given and no line folding, so the same data is always the same text. */
export function toDocumentYaml(data: Record<string, unknown>): string {
  return new Document(data, { aliasDuplicateObjects: false }).toString({ lineWidth: 0 });
}

export function sourceYaml(s: { key: string; name: string; description: string; preset: string; authMode: string }): string {
  return toDocumentYaml({ apiVersion: WORKFLOW_API_VERSION, kind: 'Source', key: s.key, name: s.name, description: s.description, preset: s.preset, authMode: s.authMode });
}

export function eventTypeYaml(t: { source: string; type: string; description: string; samplePayload?: unknown }): string {
  return toDocumentYaml({
    apiVersion: WORKFLOW_API_VERSION,
    kind: 'EventType',
    source: t.source,
    type: t.type,
    description: t.description,
    ...(t.samplePayload !== undefined && t.samplePayload !== null && { samplePayload: t.samplePayload }),
  });
}

/** zod issues as problems of one document (`field` is the dotted path); the caller adds `document`. */
export function zodProblems(error: z.ZodError): Omit<ImportProblem, 'document'>[] {
  return error.issues.map((i) => {
    const field = i.path.join('.');
    return { ...(field && { field }), message: field ? `${field}: ${i.message}` : i.message };
  });
}
