// The editor's live preview: a template (a param value) or a bare expression (a step's `if`, a
// trigger filter) evaluated against a stored event or a pasted payload.
//
// Why 'read' (viewer) is enough: the only real data a preview sees is the event, which viewers can
// already read in full (GET /api/events/{id}); secrets are never loaded (they show as
// «secret NAME»), and later steps' outputs and run fields are stand-ins, never another run's data.
// The cost is capped instead: 200 ms per expression, at most 50 expressions, the input payload
// at 1 MB, and the answer at 16 KB (cut with a marker).
import { z } from 'zod';
import type { PreviewResult } from '@/engine/dto/expressions';
import { conditionExpression } from '@/engine/params/condition';
import { capPreview, previewContext, type PreviewEvent } from '@/engine/params/preview-context';
import { evaluateExpression, findExpressions, resolveTemplate, TemplateError } from '@/engine/params/template';
import { STEP_ID_PATTERN } from '@/engine/workflow/schema';
import { authorize, type Actor } from '../auth/authorize';
import { AppError, badRequest, notFound } from '../errors';
import { findEventRow } from '../repositories/events';

export const PREVIEW_TIMEOUT_MS = 200;
export const PREVIEW_RESULT_MAX_CHARS = 16 * 1024;
export const PREVIEW_PAYLOAD_MAX_CHARS = 1024 * 1024;
const MAX_EXPRESSIONS = 50;

const previewBody = z
  .strictObject({
    template: z.string().max(16_000).optional().describe('A param value: text with {{ }} expressions.'),
    expression: z.string().max(16_000).optional().describe('A bare JSONata condition ({{ }} around it is accepted).'),
    eventId: z.string().min(1).max(100).optional(),
    payload: z.unknown().optional().describe('A pasted event payload, instead of a stored event.'),
    workflow: z.string().min(1).max(200).optional().describe('Shown as run.workflow.'),
    stepId: z.string().regex(STEP_ID_PATTERN, 'a step id starts with a letter and has only letters, digits, _ and -').optional(),
    vars: z.record(z.string(), z.unknown()).optional().describe('Variables known while editing (literal vars.set values).'),
  })
  .refine((b) => (b.template === undefined) !== (b.expression === undefined), { message: 'give exactly one of "template" or "expression"' })
  .refine((b) => !(b.eventId !== undefined && b.payload !== undefined), { message: 'give "eventId" or "payload", not both' });

export async function previewExpression(actor: Actor, input: unknown): Promise<PreviewResult> {
  authorize(actor, 'read');
  const body = previewBody.parse(input);
  const event = await loadEvent(body.eventId, body.payload);
  const expressions = body.template !== undefined ? findExpressions(body.template) : [conditionExpression(body.expression!)];
  if (expressions.length > MAX_EXPRESSIONS) throw badRequest(`the template has ${expressions.length} expressions; a preview evaluates at most ${MAX_EXPRESSIONS}`);
  const ctx = previewContext({ event, expressions, vars: body.vars, workflow: body.workflow });
  const opts = { timeoutMs: PREVIEW_TIMEOUT_MS };
  try {
    const value =
      body.template !== undefined ? await resolveTemplate(body.template, ctx, opts) : await evaluateExpression(expressions[0], ctx, opts);
    return capPreview(value, PREVIEW_RESULT_MAX_CHARS);
  } catch (err) {
    // The author's expression failing is the answer, not a bad request: the editor shows it.
    if (err instanceof TemplateError) return { error: err.message };
    throw err;
  }
}

async function loadEvent(eventId: string | undefined, payload: unknown): Promise<PreviewEvent> {
  if (eventId === undefined) {
    if (payload !== undefined && JSON.stringify(payload).length > PREVIEW_PAYLOAD_MAX_CHARS) throw tooLarge('the pasted payload');
    return { payload: payload ?? null };
  }
  const row = await findEventRow(eventId);
  if (!row) throw notFound(`event "${eventId}"`);
  if (JSON.stringify(row.payload).length > PREVIEW_PAYLOAD_MAX_CHARS) throw tooLarge(`the payload of event "${eventId}"`);
  return {
    id: row.id,
    source: row.sourceKey,
    type: row.type,
    payload: row.payload,
    headers: row.headers as Record<string, string>,
    receivedAt: row.receivedAt.toISOString(),
  };
}

const tooLarge = (what: string) =>
  new AppError('payload_too_large', `${what} is larger than the preview limit of ${PREVIEW_PAYLOAD_MAX_CHARS} characters of JSON`);
