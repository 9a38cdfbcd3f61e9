// POST /api/import: a registry stream (what GET /api/export writes). Everything is checked first,
// and one invalid document refuses the whole import with every problem listed; a valid import is
// applied in one transaction, creating versions only where a definition changed.
import type { DocumentRef, ImportItem, ImportProblem, ImportReport } from '@/engine/registry-io/documents';
import { splitStream } from '@/engine/registry-io/stream';
import { parseWorkflowText, WorkflowTextError } from '@/engine/workflow/text';
import { authorize, type Actor } from '../auth/authorize';
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { AppError, badRequest } from '../errors';
import { isStorableText, unstorableMessage } from '../http/input-guard';
import type { CheckContext, RegistryKind } from '../registry-io/kind';
import { kindNamed, REGISTRY_KINDS } from '../registry-io/kinds';
import { clearSourceCache } from '../repositories/source-cache';

export const MAX_IMPORT_DOCUMENTS = 5000;

export type ImportResult = { ok: true; report: ImportReport } | { ok: false; problems: ImportProblem[] };

type Parsed = { ref: DocumentRef; kind: RegistryKind; data: Record<string, unknown>; text: string };

export async function importRegistry(actor: Actor, stream: string): Promise<ImportResult> {
  const by = authorize(actor, 'workflows.publish');
  authorize(actor, 'sources.manage');
  authorize(actor, 'eventTypes.manage');
  // Postgres text refuses NUL: a named 400 rather than a database error.
  if (!isStorableText(stream)) throw badRequest(unstorableMessage('the import'));
  const docs = splitStream(stream);
  if (docs.length === 0) throw badRequest('the import holds no documents (expected a stream written by GET /api/export)');
  if (docs.length > MAX_IMPORT_DOCUMENTS) throw badRequest(`the import holds ${docs.length} documents; at most ${MAX_IMPORT_DOCUMENTS} are accepted`);

  const problems: ImportProblem[] = [];
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  for (const doc of docs) {
    const ref: DocumentRef = { index: doc.index };
    let data: unknown;
    try {
      data = parseWorkflowText(doc.text);
    } catch (err) {
      if (!(err instanceof WorkflowTextError)) throw err;
      problems.push({ document: ref, message: `not valid YAML: ${err.message}` });
      continue;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      problems.push({ document: ref, message: 'a document must be a mapping with "kind"' });
      continue;
    }
    const record = data as Record<string, unknown>;
    const kind = typeof record.kind === 'string' ? kindNamed(record.kind) : undefined;
    if (!kind) {
      const known = REGISTRY_KINDS.map((k) => k.kind).join(', ');
      problems.push({ document: ref, field: 'kind', message: `kind: ${record.kind === undefined ? 'missing' : `unknown kind ${JSON.stringify(record.kind)}`}; expected one of ${known}` });
      continue;
    }
    Object.assign(ref, { kind: kind.kind, ...(kind.nameOf(record) !== undefined && { name: kind.nameOf(record) }) });
    if (ref.name !== undefined) {
      const key = `${kind.kind}\u0000${ref.name}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ document: ref, message: `${kind.kind} "${ref.name}" is already document ${first} of this import` });
        continue;
      }
      seen.set(key, doc.index);
    }
    parsed.push({ ref, kind, data: record, text: doc.text });
  }

  const ctx: CheckContext = { actor: by, declares: (kind, name) => seen.has(`${kind}\u0000${name}`) };
  const checked: { doc: Parsed; item: unknown }[] = [];
  for (const doc of parsed) {
    const result = await doc.kind.check({ data: doc.data, text: doc.text }, ctx);
    problems.push(...result.problems.map((p) => ({ document: doc.ref, ...p })));
    if (result.problems.length === 0) checked.push({ doc, item: result.item });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.document.index - b.document.index) };

  const report: ImportReport = { created: [], updated: [], unchanged: [] };
  try {
    await db().$transaction(
      async (tx) => {
        for (const kind of REGISTRY_KINDS) {
          for (const { doc, item } of checked.filter((c) => c.doc.kind === kind)) {
            const applied = await kind.apply(tx, item, by);
            const entry: ImportItem = { kind: kind.kind, name: doc.ref.name ?? `#${doc.ref.index}`, ...(applied.version !== undefined && { version: applied.version }), ...(applied.note && { note: applied.note }) };
            report[applied.change].push(entry);
          }
        }
      },
      // Hundreds of workflows in one transaction take longer than Prisma's 5 s default.
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('conflict', 'the registry changed while importing (a concurrent publish); retry');
    }
    throw err;
  }
  clearSourceCache(); // imported sources may have changed (name, preset); the intake re-reads them
  return { ok: true, report };
}
