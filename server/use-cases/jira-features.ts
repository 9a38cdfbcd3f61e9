// A Jira transition makes a feature ready: an issue of a pipeline's `features.jiraProject` moving
// TO `features.readyStatus` becomes (or is created as) a ready feature; moving away from it makes
// it open again. Features aboard or released belong to their train and are left alone.
import type { PipelineDefinition } from '@/engine/trains/pipeline-schema';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { db } from '../db/client';
import type { Event } from '../db/generated/client';
import type { PipelineRow } from '../repositories/pipelines';

type Issue = { key: string; summary: string; link: string | null; owner: string | null; from: string | null; to: string | null };

const rec = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The issue and its status change, from a Jira `issue-transitioned` delivery (see engine/intake/read-jira-jenkins.ts). */
export function readTransition(payload: unknown): Issue | null {
  const issue = rec(rec(payload)?.issue);
  const key = str(issue?.key);
  const items = rec(rec(payload)?.changelog)?.items;
  if (!issue || !key || !Array.isArray(items)) return null;
  const status = items.map(rec).find((i) => i && (i.field === 'status' || i.fieldId === 'status'));
  if (!status) return null;
  const fields = rec(issue.fields);
  const assignee = rec(fields?.assignee);
  // issue.self is …/rest/api/2/issue/10010; people open …/browse/KEY.
  const self = str(issue.self);
  const base = self?.replace(/\/rest\/api\/.*$/, '') ?? null;
  return {
    key,
    summary: str(fields?.summary) ?? key,
    link: base && base !== self ? `${base}/browse/${key}` : null,
    owner: str(assignee?.displayName) ?? str(assignee?.emailAddress) ?? str(assignee?.name),
    from: str(status.fromString),
    to: str(status.toString),
  };
}

const jiraActor = (event: Event): Principal => ({ kind: 'token', id: 'system', name: `jira event ${event.id}`, role: 'admin', userId: null });

export async function featuresFromJira(event: Event, pipelines: PipelineRow[]): Promise<void> {
  if (event.type !== 'issue-transitioned') return;
  const issue = readTransition(event.payload);
  if (!issue) return;
  for (const p of pipelines) {
    const f: PipelineDefinition['features'] = p.version.definition.features;
    if (!f.jiraProject || !issue.key.startsWith(`${f.jiraProject}-`)) continue;
    const toReady = issue.to === f.readyStatus;
    if (!toReady && issue.from !== f.readyStatus) continue;
    await db().$transaction(async (tx) => {
      const existing = await tx.feature.findUnique({ where: { pipelineId_key: { pipelineId: p.id, key: issue.key } } });
      if (existing && (existing.status === 'aboard' || existing.status === 'released')) return;
      if (!existing && !toReady) return;
      const status = toReady ? 'ready' : 'open';
      if (existing?.status === status) return; // a redelivery
      const row = existing
        ? await tx.feature.update({ where: { id: existing.id }, data: { status, readyAt: toReady ? new Date() : null } })
        : await tx.feature.create({ data: { pipelineId: p.id, key: issue.key, title: issue.summary, link: issue.link, owner: issue.owner, status, readyAt: new Date() } });
      await recordAudit(tx, { actor: jiraActor(event), action: existing ? 'feature.update' : 'feature.create', subjectType: 'feature', subjectId: `${p.key}/${issue.key}`,
        before: existing ? { status: existing.status } : null, after: { status: row.status, from: `Jira: ${issue.from} → ${issue.to}` } });
    });
  }
}
