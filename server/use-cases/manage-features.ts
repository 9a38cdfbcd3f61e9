// Features from the API and UI. People move a feature between open and ready; aboard and released
// belong to trains (a departing train boards ready features, an arriving one releases them).
import { z } from 'zod';
import type { FeatureDto } from '@/engine/dto/trains';
import { FEATURE_STATUSES } from '@/engine/dto/trains';
import { recordAudit } from '../audit/record-audit';
import { authorize, type Actor } from '../auth/authorize';
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { toFeatureDto } from '../dto/map-trains';
import { AppError, badRequest, notFound } from '../errors';
import { featureInclude, findFeatureRow, findFeatureRows, listFeatureRows, trainNumbers, type FeatureRow } from '../repositories/features';
import { findPipeline } from '../repositories/pipelines';

const status = z.string().refine((s) => (FEATURE_STATUSES as readonly string[]).includes(s), `must be one of ${FEATURE_STATUSES.join(', ')}`);
const text = (max: number) => z.string().trim().min(1).max(max);
const fields = {
  title: text(300),
  link: z.string().url('must be a URL').max(2000).nullable().optional(),
  branch: z.string().max(300).nullable().optional(),
  owner: z.string().max(200).nullable().optional(),
  firstCommitAt: z.iso.datetime().nullable().optional(),
};
const createSchema = z.strictObject({ key: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, . _ - (e.g. SHOP-142)'), pipeline: z.string().min(1), status: status.default('open'), ...fields });
const patchSchema = z.strictObject({ status: status.optional(), ...fields, title: fields.title.optional() });

const PEOPLE_MAY_SET = ['open', 'ready'];

async function dtos(rows: FeatureRow[]): Promise<FeatureDto[]> {
  const missed = new Map((await trainNumbers([...new Set(rows.map((r) => r.missedTrainId).filter((x): x is string => !!x))])).map((t) => [t.id, t.number]));
  return rows.map((r) => toFeatureDto(r, missed));
}

function settable(to: string | undefined, from?: string): void {
  if (to === undefined || to === from) return;
  if (!PEOPLE_MAY_SET.includes(to)) throw new AppError('conflict', `status: "${to}" is set by trains (a departing train boards ready features, an arriving one releases them); people set open or ready`);
  if (from && !PEOPLE_MAY_SET.includes(from)) throw new AppError('conflict', `status: the feature is ${from} (it belongs to its train); derail the train to return it to ready`);
}

export async function listFeatures(actor: Actor, pipeline: string | null): Promise<FeatureDto[]> {
  authorize(actor, 'read');
  if (pipeline && !(await findPipeline(pipeline))) throw notFound(`pipeline "${pipeline}"`);
  return dtos(await listFeatureRows(pipeline ? { pipeline: { key: pipeline } } : {}));
}

export async function createFeature(actor: Actor, body: unknown): Promise<FeatureDto> {
  const principal = authorize(actor, 'features.manage');
  const input = createSchema.parse(body);
  const pipeline = await findPipeline(input.pipeline);
  if (!pipeline) throw badRequest(`pipeline: no pipeline "${input.pipeline}"`);
  settable(input.status);
  try {
    const row = await db().$transaction(async (tx) => {
      const f = await tx.feature.create({
        data: { pipelineId: pipeline.id, key: input.key, title: input.title, link: input.link ?? null, branch: input.branch ?? null, owner: input.owner ?? null,
          status: input.status, readyAt: input.status === 'ready' ? new Date() : null, firstCommitAt: input.firstCommitAt ? new Date(input.firstCommitAt) : null },
        include: featureInclude,
      });
      await recordAudit(tx, { actor: principal, action: 'feature.create', subjectType: 'feature', subjectId: `${pipeline.key}/${f.key}`, after: { title: f.title, status: f.status } });
      return f;
    });
    return (await dtos([row]))[0];
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new AppError('conflict', `key: feature "${input.key}" already exists in pipeline "${pipeline.key}" (PATCH /api/features/${input.key} changes it)`);
    throw err;
  }
}

export async function updateFeature(actor: Actor, key: string, pipelineKey: string | null, body: unknown): Promise<FeatureDto> {
  const principal = authorize(actor, 'features.manage');
  const input = patchSchema.parse(body);
  const pipeline = pipelineKey ? await findPipeline(pipelineKey) : null;
  if (pipelineKey && !pipeline) throw badRequest(`pipeline: no pipeline "${pipelineKey}"`);
  const found = await findFeatureRows(key, pipeline?.id);
  if (found.length === 0) throw notFound(`feature "${key}"`);
  if (found.length > 1) throw badRequest(`pipeline: feature "${key}" exists in ${found.map((f) => f.pipeline.key).join(', ')}; say which with ?pipeline=`);
  const before = found[0];
  settable(input.status, before.status);
  const row = await db().$transaction(async (tx) => {
    // Conditional on the status read: a train departing meanwhile wins, and this change is refused.
    const { count } = await tx.feature.updateMany({
      where: { id: before.id, status: before.status },
      data: {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.link !== undefined && { link: input.link }),
        ...(input.branch !== undefined && { branch: input.branch }),
        ...(input.owner !== undefined && { owner: input.owner }),
        ...(input.firstCommitAt !== undefined && { firstCommitAt: input.firstCommitAt ? new Date(input.firstCommitAt) : null }),
        ...(input.status !== undefined && input.status !== before.status && { status: input.status, readyAt: input.status === 'ready' ? new Date() : null }),
      },
    });
    if (count === 0) throw new AppError('conflict', `status: feature "${key}" changed meanwhile (a train departed?); reload and retry`);
    const after = await findFeatureRow(before.id, tx);
    await recordAudit(tx, { actor: principal, action: 'feature.update', subjectType: 'feature', subjectId: `${before.pipeline.key}/${key}`,
      before: { title: before.title, status: before.status, link: before.link, branch: before.branch, owner: before.owner },
      after: { title: after.title, status: after.status, link: after.link, branch: after.branch, owner: after.owner } });
    return after;
  });
  return (await dtos([row]))[0];
}
