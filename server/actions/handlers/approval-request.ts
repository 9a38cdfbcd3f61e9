import type { z } from 'zod';
import type { approvalRequest } from '@/engine/actions/approval-request';
import { PermanentError, type ActionHandler } from '../types';

export const approvalRequestHandler: ActionHandler<z.output<typeof approvalRequest.params>> = async ({ params, resume, now, log }) => {
  if (!resume) {
    log('info', `approval requested: ${params.message}`);
    const until = params.timeoutMs ? new Date(now().getTime() + params.timeoutMs) : null;
    return { wait: { kind: 'approval', message: params.message, required: params.required, approvers: params.approvers }, until };
  }
  const state = resume.state;
  const decisions = state.kind === 'approval' ? (state.decisions ?? []) : [];
  const approved = state.resolution?.approved;
  if (approved === undefined) throw new PermanentError(`approval timed out after ${params.timeoutMs} ms`);
  if (!approved) {
    const no = decisions.find((d) => !d.approve);
    throw new PermanentError(`rejected by ${no?.by ?? 'someone'}${no?.reason ? `: ${no.reason}` : ''}`);
  }
  log('info', `approved by ${decisions.filter((d) => d.approve).map((d) => d.by).join(', ')}`);
  return { outputs: { approved: true, decisions } };
};
