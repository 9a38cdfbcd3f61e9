import type { z } from 'zod';
import type { jiraComment } from '@/engine/actions/jira-comment';
import { commentOnce, jiraClient } from '../jira-client';
import type { ActionHandler } from '../types';

/** A re-run of the same attempt (worker died after posting) finds its marker and posts nothing. */
export const jiraCommentHandler: ActionHandler<z.output<typeof jiraComment.params>> = async ({ params, idempotencyKey, signal, log }) => {
  const result = await commentOnce(jiraClient(params, signal), params.issue, params.body, idempotencyKey);
  log('info', result.existing ? `${params.issue} already has this comment (${result.id})` : `commented on ${params.issue} (${result.id})`);
  return { outputs: result };
};
