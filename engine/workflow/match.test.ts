import { describe, expect, it } from 'vitest';
import { TemplateError } from '../params/template';
import { matchesTrigger } from './match';

const event = { source: 'jenkins', type: 'build-finished', payload: { job: 'api', result: 'SUCCESS', n: 3 }, headers: { 'x-jenkins': 'yes' } };

describe('matchesTrigger', () => {
  it('requires source and type to be equal', async () => {
    expect(await matchesTrigger({ trigger: { source: 'jenkins', type: 'build-finished' } }, event)).toBe(true);
    expect(await matchesTrigger({ trigger: { source: 'github', type: 'build-finished' } }, event)).toBe(false);
    expect(await matchesTrigger({ trigger: { source: 'jenkins', type: 'build-started' } }, event)).toBe(false);
  });

  it('applies the filter over { event }', async () => {
    const trigger = (filter: string) => ({ trigger: { source: 'jenkins', type: 'build-finished', filter } });
    expect(await matchesTrigger(trigger('event.payload.result = "SUCCESS"'), event)).toBe(true);
    expect(await matchesTrigger(trigger('event.payload.result = "FAILURE"'), event)).toBe(false);
    expect(await matchesTrigger(trigger('{{ event.payload.job in ["api", "web"] }}'), event)).toBe(true);
    expect(await matchesTrigger(trigger('event.headers."x-jenkins" = "yes"'), event)).toBe(true);
    expect(await matchesTrigger(trigger('event.payload.missing'), event)).toBe(false);
    expect(await matchesTrigger(trigger('event.payload.job'), event)).toBe(true);
  });

  it('does not evaluate the filter when source or type differ', async () => {
    const bad = { trigger: { source: 'github', type: 'push', filter: 'event.payload.job + 1' } };
    expect(await matchesTrigger(bad, event)).toBe(false);
  });

  it('rejects with a TemplateError when the filter fails at run time', async () => {
    const bad = { trigger: { source: 'jenkins', type: 'build-finished', filter: 'event.payload.job + 1' } };
    await expect(matchesTrigger(bad, event)).rejects.toBeInstanceOf(TemplateError);
  });
});
