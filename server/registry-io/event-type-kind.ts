// Registered event types with their description and sample payload (what the editor completes
// expressions from). The document is the whole state: no sample in it clears a stored one.
import { isDeepStrictEqual } from 'node:util';
import { eventTypeDocument, eventTypeYaml, zodProblems, type EventTypeDocument } from '@/engine/registry-io/documents';
import { findSource } from '../repositories/sources';
import { findEventTypeIn, listEventTypesForExport, writeEventType } from '../repositories/registry-io';
import { ensureInternalSource, INTERNAL_SOURCE } from '../use-cases/emit-event';
import { defineKind, str } from './kind';

export const eventTypeKind = defineKind<EventTypeDocument>({
  kind: 'EventType',
  nameOf: (data) => (str(data.source) && str(data.type) ? `${data.source}/${data.type}` : undefined),
  async exportDocuments() {
    return (await listEventTypesForExport()).map((t) => eventTypeYaml({ source: t.sourceKey, type: t.type, description: t.description, samplePayload: t.samplePayload }));
  },
  async check({ data }, ctx) {
    const parsed = eventTypeDocument.safeParse(data);
    if (!parsed.success) return { problems: zodProblems(parsed.error) };
    const { source } = parsed.data;
    if (source !== INTERNAL_SOURCE && !ctx.declares('Source', source) && !(await findSource(source))) {
      return { problems: [{ field: 'source', message: `source: unknown source "${source}" (add a Source document for it, or create it first)` }] };
    }
    return { item: parsed.data, problems: [] };
  },
  async apply(tx, doc) {
    if (doc.source === INTERNAL_SOURCE) await ensureInternalSource();
    const existing = await findEventTypeIn(tx, doc.source, doc.type);
    const sample = doc.samplePayload ?? null;
    // Compared as stored (jsonb), so a sample that only differs in key order is not a change.
    const same = existing?.registered && existing.description === doc.description && isDeepStrictEqual(existing.samplePayload ?? null, JSON.parse(JSON.stringify(sample)));
    if (same) return { change: 'unchanged' };
    await writeEventType(tx, { sourceKey: doc.source, type: doc.type, description: doc.description, samplePayload: sample });
    return { change: existing?.registered ? 'updated' : 'created' };
  },
});
