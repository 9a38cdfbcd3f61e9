import type { z } from 'zod';
import type { jiraTransition } from '@/engine/actions/jira-transition';
import { commentOnce, issuePath, jiraClient } from '../jira-client';
import { PermanentError, type ActionHandler } from '../types';

type Transition = { id: string; name: string; to?: { name: string } };

const same = (a: string | undefined, b: string) => a !== undefined && a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export const jiraTransitionHandler: ActionHandler<z.output<typeof jiraTransition.params>> = async ({ params, idempotencyKey, signal, log }) => {
  const jira = jiraClient(params, signal);
  const path = issuePath(params.issue);
  const issue = await jira.get<{ fields: { status: { name: string } } }>(`${path}?fields=status`);
  const from = issue.fields.status.name;
  // The comment goes through the comment endpoint, not the transition's `update` block: that block
  // fails on transitions without a screen, and the marker keeps it single on a re-run.
  const addComment = async () => {
    if (params.comment) await commentOnce(jira, params.issue, params.comment, idempotencyKey);
  };

  // Already there (also what a re-run after a successful transition sees): succeed without a change.
  if (same(from, params.to)) {
    log('info', `${params.issue} is already ${from}`);
    await addComment();
    return { outputs: { transitionId: null, from, to: from, changed: false } };
  }

  const { transitions } = await jira.get<{ transitions: Transition[] }>(`${path}/transitions`);
  const match = transitions.find((t) => same(t.name, params.to)) ?? transitions.find((t) => same(t.to?.name, params.to));
  if (!match) {
    const available = transitions.map((t) => `"${t.name}" (→ ${t.to?.name ?? '?'})`).join(', ') || 'none';
    throw new PermanentError(`${params.issue} (${from}) has no transition or target status "${params.to}"; available: ${available}`);
  }
  await jira.post(`${path}/transitions`, { transition: { id: match.id } });
  const to = match.to?.name ?? params.to;
  log('info', `${params.issue}: ${from} → ${to} via "${match.name}"`);
  await addComment();
  return { outputs: { transitionId: match.id, from, to, changed: true } };
};
