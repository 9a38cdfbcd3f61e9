// GET /api/export: the whole registry as one multi-document YAML stream, kinds in a fixed order and
// documents sorted within each, so two exports of the same registry are the same bytes. Secrets
// never appear (sources carry only their auth mode), so reading is enough.
import { joinStream } from '@/engine/registry-io/stream';
import { authorize, type Actor } from '../auth/authorize';
import { REGISTRY_KINDS } from '../registry-io/kinds';

export async function exportRegistry(actor: Actor): Promise<string> {
  authorize(actor, 'read');
  const documents: string[] = [];
  for (const kind of REGISTRY_KINDS) documents.push(...(await kind.exportDocuments()));
  return joinStream(documents);
}
