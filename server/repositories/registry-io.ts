// Reads for the registry export and the few writes of an import that no other repository has.
// Orders are applied in JavaScript (code-unit order), not by the database's collation, so two
// instances with different locales still export the same bytes.
import { db, type Tx } from '../db/client';
import { Prisma } from '../db/generated/client';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function listSourcesForExport() {
  const rows = await db().source.findMany({ select: { key: true, name: true, description: true, preset: true, authMode: true } });
  return rows.sort((a, b) => byCodeUnits(a.key, b.key));
}

/** Registered event types only: pairs merely seen on the wire are not part of the registry. */
export async function listEventTypesForExport() {
  const rows = await db().eventType.findMany({ where: { registered: true }, select: { sourceKey: true, type: true, description: true, samplePayload: true } });
  return rows.sort((a, b) => byCodeUnits(a.sourceKey, b.sourceKey) || byCodeUnits(a.type, b.type));
}

/** Each workflow's newest version as stored (the text its author wrote, comments included). */
export async function listWorkflowTextsForExport() {
  const rows = await db().workflow.findMany({
    select: { name: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { yaml: true, version: true } } },
  });
  return rows
    .filter((w) => w.versions.length > 0)
    .map((w) => ({ name: w.name, yaml: w.versions[0].yaml, version: w.versions[0].version }))
    .sort((a, b) => byCodeUnits(a.name, b.name));
}

export const findSourceIn = (tx: Tx, key: string) => tx.source.findUnique({ where: { key } });

export const findEventTypeIn = (tx: Tx, sourceKey: string, type: string) =>
  tx.eventType.findUnique({ where: { sourceKey_type: { sourceKey, type } } });

/** The event type exactly as the document says: a missing sample clears the stored one. */
export async function writeEventType(tx: Tx, t: { sourceKey: string; type: string; description: string; samplePayload: unknown }) {
  const sample = t.samplePayload === null || t.samplePayload === undefined ? Prisma.DbNull : (t.samplePayload as Prisma.InputJsonValue);
  const data = { registered: true, description: t.description, samplePayload: sample };
  await tx.eventType.upsert({
    where: { sourceKey_type: { sourceKey: t.sourceKey, type: t.type } },
    create: { sourceKey: t.sourceKey, type: t.type, ...data },
    update: data,
  });
}

export async function latestVersionIn(tx: Tx, name: string): Promise<number | null> {
  const row = await tx.workflowVersion.findFirst({ where: { workflow: { name } }, orderBy: { version: 'desc' }, select: { version: true } });
  return row?.version ?? null;
}
