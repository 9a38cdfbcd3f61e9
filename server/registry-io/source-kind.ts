// Sources travel without their secrets. An imported source that did not exist is created with no
// secret at all, so it refuses every delivery (verify-source finds no credential to match) until
// an editor sets one with PATCH /api/sources/{key}; the import report says so.
import { sourceDocument, sourceYaml, zodProblems, type SourceDocument } from '@/engine/registry-io/documents';
import { recordAudit } from '../audit/record-audit';
import { createSource, findSource, updateSource } from '../repositories/sources';
import { findSourceIn, listSourcesForExport } from '../repositories/registry-io';
import { defineKind, str } from './kind';

const NEEDS_SECRET = 'created without a secret: it refuses deliveries until one is set (PATCH /api/sources/{key} with "auth")';
const view = (s: { name: string; description: string; preset: string; authMode: string }) => ({ name: s.name, description: s.description, preset: s.preset, authMode: s.authMode });

export const sourceKind = defineKind<SourceDocument>({
  kind: 'Source',
  nameOf: (data) => str(data.key),
  async exportDocuments() {
    return (await listSourcesForExport()).map((s) => sourceYaml(s));
  },
  async check({ data }) {
    const parsed = sourceDocument.safeParse(data);
    if (!parsed.success) return { problems: zodProblems(parsed.error) };
    const existing = await findSource(parsed.data.key);
    // The secret belongs to the auth mode; a new mode without a new secret could verify nothing.
    if (existing && existing.authMode !== parsed.data.authMode) {
      const message = `authMode: source "${existing.key}" uses ${existing.authMode}; changing it needs a new secret (PATCH /api/sources/${existing.key} with "auth")`;
      return { problems: [{ field: 'authMode', message }] };
    }
    return { item: parsed.data, problems: [] };
  },
  async apply(tx, doc, actor) {
    const existing = await findSourceIn(tx, doc.key);
    const wanted = view(doc);
    if (!existing) {
      await createSource({ key: doc.key, ...wanted, secretHash: null, secretEnc: null }, tx);
      await recordAudit(tx, { actor, action: 'source.create', subjectType: 'source', subjectId: doc.key, after: { ...wanted, secretSet: false } });
      return { change: 'created', note: NEEDS_SECRET.replace('{key}', doc.key) };
    }
    const before = view(existing);
    if (JSON.stringify(before) === JSON.stringify(wanted)) return { change: 'unchanged' };
    await updateSource(doc.key, { name: doc.name, description: doc.description, preset: doc.preset }, tx);
    await recordAudit(tx, { actor, action: 'source.update', subjectType: 'source', subjectId: doc.key, before, after: wanted });
    return { change: 'updated' };
  },
});
