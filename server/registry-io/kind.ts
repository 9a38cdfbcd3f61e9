// One kind of registry document (Source, EventType, Workflow; Pipeline joins later): how it is
// exported, checked and applied. Export and import know nothing about any kind beyond this shape,
// so a new kind is one module added to the list in kinds.ts.
import type { ImportProblem } from '@/engine/registry-io/documents';
import type { Principal } from '../auth/principal';
import type { Tx } from '../db/client';

export type Problem = Omit<ImportProblem, 'document'>;

export interface CheckContext {
  actor: Principal;
  /** Whether the stream being imported declares this document (e.g. the Source a trigger names). */
  declares(kind: string, name: string): boolean;
}

export interface Applied {
  change: 'created' | 'updated' | 'unchanged';
  version?: number;
  note?: string;
}

export interface RegistryKind<T = unknown> {
  kind: string;
  /** The name reports and duplicate checks use, read leniently from a parsed document. */
  nameOf(data: Record<string, unknown>): string | undefined;
  /** This kind's documents in export order, as text (without the `---` marker). */
  exportDocuments(): Promise<string[]>;
  /** Validates one document against the stream and the database; changes nothing. */
  check(doc: { data: Record<string, unknown>; text: string }, ctx: CheckContext): Promise<{ item?: T; problems: Problem[] }>;
  /** Writes one checked document inside the import's transaction. */
  apply(tx: Tx, item: T, actor: Principal): Promise<Applied>;
}

/** Builds a kind with its item type checked, stored in the list without it. */
export const defineKind = <T>(kind: RegistryKind<T>): RegistryKind => kind as unknown as RegistryKind;

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
