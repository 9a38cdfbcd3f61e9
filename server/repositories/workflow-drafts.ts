import { db } from '../db/client';

export const findDraft = (name: string) => db().workflowDraft.findUnique({ where: { name } });

export const upsertDraft = (d: { name: string; yaml: string; baseVersion: number | null; updatedBy: string }) =>
  db().workflowDraft.upsert({
    where: { name: d.name },
    create: d,
    update: { yaml: d.yaml, baseVersion: d.baseVersion, updatedBy: d.updatedBy },
  });

export const deleteDraft = (name: string) => db().workflowDraft.deleteMany({ where: { name } });

export const listDraftNames = async () => (await db().workflowDraft.findMany({ select: { name: true } })).map((d) => d.name);
