import { db, type Tx } from '../db/client';

/** Records (source, type) pairs seen on the wire; existing rows, registered or not, are kept. */
export async function rememberEventTypes(tx: Tx, sourceKey: string, types: string[]) {
  await tx.eventType.createMany({
    data: types.map((type) => ({ sourceKey, type, registered: false })),
    skipDuplicates: true,
  });
}

export async function registerEventType(
  tx: Tx,
  input: { sourceKey: string; type: string; description?: string; samplePayload?: unknown },
) {
  const data = {
    registered: true,
    ...(input.description !== undefined && { description: input.description }),
    ...(input.samplePayload !== undefined && { samplePayload: input.samplePayload as object }),
  };
  await tx.eventType.upsert({
    where: { sourceKey_type: { sourceKey: input.sourceKey, type: input.type } },
    create: { sourceKey: input.sourceKey, type: input.type, ...data },
    update: data,
  });
}

/**
 * An event type Railyard itself defines (its train events): registered, with its description and
 * a sample (the first real payload) when it has none yet, so the registry, the docs and the
 * simulator explain it. What an editor wrote later is kept.
 */
export async function describeOwnEventType(tx: Tx, input: { sourceKey: string; type: string; description: string; samplePayload: unknown }) {
  const sample = input.samplePayload as object;
  await tx.eventType.createMany({
    data: [{ sourceKey: input.sourceKey, type: input.type, registered: true, description: input.description, samplePayload: sample }],
    skipDuplicates: true,
  });
  await tx.eventType.updateMany({
    where: { sourceKey: input.sourceKey, type: input.type, description: '' },
    data: { registered: true, description: input.description, samplePayload: sample },
  });
}

export const listEventTypes = () => db().eventType.findMany({ orderBy: [{ sourceKey: 'asc' }, { type: 'asc' }] });

export async function registeredPairs(pairs: { sourceKey: string; type: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db().eventType.findMany({
    where: { registered: true, OR: pairs.map((p) => ({ sourceKey: p.sourceKey, type: p.type })) },
    select: { sourceKey: true, type: true },
  });
  return new Set(rows.map((r) => `${r.sourceKey}/${r.type}`));
}
