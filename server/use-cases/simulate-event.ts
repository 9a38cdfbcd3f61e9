// The event simulator: what would happen if this event arrived now. It only reads (the source, the
// live workflow versions); the simulation itself is pure (engine/simulate). Nothing is stored,
// enqueued or sent, and no secret is loaded: they show as «secret NAME».
//
// 'read' (viewer) is enough, as for expression previews: the only real data it sees is what the
// caller sends, and workflows, which viewers read anyway.
import { z } from 'zod';
import type { SimulateResult } from '@/engine/dto/simulate';
import { invalidEventTypeMessage, isValidEventType } from '@/engine/intake/event-type';
import { normalizeHeaders, storedHeaders } from '@/engine/intake/headers';
import { simulateEvent } from '@/engine/simulate/simulate-event';
import { parseWorkflowText, WorkflowTextError } from '@/engine/workflow/text';
import { formatIssues, validateWorkflow } from '@/engine/workflow/validate';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { loadActionCatalog } from '../actions/catalog';
import { authorize, type Actor } from '../auth/authorize';
import { env } from '../env';
import { AppError, badRequest, notFound } from '../errors';
import { jsonNestingExceeds, MAX_NESTING } from '../http/input-guard';
import { findSource } from '../repositories/sources';
import { findLiveVersions } from '../repositories/workflows';

export const simulateBody = z
  .strictObject({
    source: z.string().min(1).max(100),
    type: z.string().min(1).max(200),
    payload: z.unknown().optional().describe('The event payload as JSON.'),
    payloadText: z.string().optional().describe('The payload as pasted text; parsed here so the error names it.'),
    headers: z.record(z.string(), z.string().max(8192)).optional(),
    workflow: z
      .union([z.string().max(512 * 1024), z.record(z.string(), z.unknown())])
      .optional()
      .describe('A workflow (YAML text or definition) simulated in place of the live version of its name.'),
  })
  .refine((b) => !(b.payload !== undefined && b.payloadText !== undefined), { message: 'give "payload" or "payloadText", not both' });

export async function simulateEventUseCase(actor: Actor, input: unknown): Promise<SimulateResult> {
  authorize(actor, 'read');
  const body = simulateBody.parse(input);
  if (!isValidEventType(body.type)) throw badRequest(invalidEventTypeMessage(body.type));
  if (!(await findSource(body.source))) throw notFound(`source "${body.source.slice(0, 100)}"`);
  const payload = body.payloadText !== undefined ? parsePayloadText(body.payloadText) : (body.payload ?? {});
  const size = Buffer.byteLength(JSON.stringify(payload));
  const max = env().RAILYARD_INTAKE_MAX_BYTES;
  if (size > max) throw new AppError('payload_too_large', `the payload is ${size} bytes; the intake accepts at most ${max}`);
  const draft = body.workflow !== undefined ? await parseDraft(body.workflow) : undefined;

  const live = (await findLiveVersions(body.source, body.type)).map(({ version }) => ({
    definition: version.definition as unknown as WorkflowDefinition,
    version: version.version,
  }));
  // The run sees headers as the intake stores them: lower-cased, credentials masked.
  const headers = storedHeaders(normalizeHeaders(Object.entries(body.headers ?? {})));
  return simulateEvent({ event: { source: body.source, type: body.type, payload, headers }, live, draft });
}

function parsePayloadText(text: string): unknown {
  if (text.trim() === '') return {};
  if (jsonNestingExceeds(text)) throw badRequest(`the payload nests deeper than ${MAX_NESTING} levels`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`the payload is not JSON: ${(err as Error).message}`);
  }
}

async function parseDraft(workflow: string | Record<string, unknown>): Promise<WorkflowDefinition> {
  let raw: unknown = workflow;
  if (typeof workflow === 'string') {
    try {
      raw = parseWorkflowText(workflow);
    } catch (err) {
      if (err instanceof WorkflowTextError) throw badRequest(`workflow: ${err.message}`);
      throw err;
    }
  }
  const result = validateWorkflow(raw, await loadActionCatalog());
  if (!result.ok) throw badRequest(`workflow is invalid: ${formatIssues(result.issues)}`, result.issues);
  return result.workflow;
}
