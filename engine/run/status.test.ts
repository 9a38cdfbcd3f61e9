import { describe, expect, it } from 'vitest';
import { deriveRunStatus, isActiveStep, isTerminalRun, isTerminalStep } from './status';

describe('deriveRunStatus', () => {
  it.each([
    [['pending', 'pending'], 'queued'],
    [['queued', 'pending'], 'queued'],
    [['running', 'pending'], 'running'],
    [['succeeded', 'pending'], 'running'],
    [['waiting', 'succeeded'], 'running'],
    [['succeeded', 'succeeded'], 'succeeded'],
    [['succeeded', 'skipped'], 'succeeded'],
    [['failed', 'running'], 'running'],
    [['failed', 'skipped'], 'failed'],
    [['failed', 'cancelled'], 'failed'],
    [['succeeded', 'cancelled'], 'cancelled'],
    [['failed', 'pending'], 'failed'],
  ] as const)('%j -> %s', (steps, expected) => {
    expect(deriveRunStatus(steps)).toBe(expected);
  });

  it('predicates agree with the state machine', () => {
    expect(isTerminalStep('skipped')).toBe(true);
    expect(isTerminalStep('waiting')).toBe(false);
    expect(isActiveStep('waiting')).toBe(true);
    expect(isActiveStep('pending')).toBe(false);
    expect(isTerminalRun('cancelled')).toBe(true);
    expect(isTerminalRun('queued')).toBe(false);
  });
});
