// Pure helpers that describe what a waiting step waits for, shared by the graph node (one short
// line) and the detail panel. Kept free of React so they can be unit-tested.
import type { StepRunDto } from '@/engine/dto/runs';

export type StepWait = NonNullable<StepRunDto['wait']>;

/** Distinct people who approved (one person approving twice counts once, as on the server). */
export function approvalCount(wait: StepWait): number {
  return new Set((wait.decisions ?? []).filter((d) => d.approve).map((d) => d.by)).size;
}

export const requiredApprovals = (wait: StepWait): number => wait.required ?? 1;

/** True for an approval that still takes decisions (the only state that shows Approve/Reject). */
export function isOpenApproval(step: Pick<StepRunDto, 'status' | 'wait'>): boolean {
  return step.status === 'waiting' && step.wait?.kind === 'approval' && !step.wait.resolved;
}

/** One short line for the graph node: "1/2 approvals", "github / push", "delay". */
export function waitHeadline(wait: StepWait): string {
  switch (wait.kind) {
    case 'approval': {
      const need = requiredApprovals(wait);
      return `${approvalCount(wait)}/${need} approval${need === 1 ? '' : 's'}`;
    }
    case 'event':
      return `${wait.source ?? '?'} / ${wait.type ?? '?'}`;
    case 'delay':
      return 'delay';
    default: {
      const never: never = wait.kind;
      return String(never);
    }
  }
}

/** Accessible sentence for the node's title and screen readers. */
export function waitSentence(wait: StepWait): string {
  switch (wait.kind) {
    case 'approval':
      return `Waiting for approval: ${approvalCount(wait)} of ${requiredApprovals(wait)} given`;
    case 'event':
      return `Waiting for event ${wait.source ?? '?'} / ${wait.type ?? '?'}${wait.match ? ` matching ${wait.match}` : ''}`;
    case 'delay':
      return 'Waiting for a delay to pass';
    default: {
      const never: never = wait.kind;
      return String(never);
    }
  }
}
