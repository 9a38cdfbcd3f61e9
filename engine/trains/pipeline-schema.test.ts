import { describe, expect, it } from 'vitest';
import { checkPipeline, pipelineSchema, productionStation } from './pipeline-schema';

const base = {
  apiVersion: 'railyard/v1',
  kind: 'Pipeline',
  key: 'shop-web',
  name: 'Shop web',
  repository: { url: '/srv/git/shop-web.git' },
  stations: [
    { key: 'cut', name: 'Cut branch', reachedBy: { workflow: 'release-cut' } },
    { key: 'preprod', name: 'Preproduction build', reachedBy: { event: { source: 'jenkins', type: 'build-finished', match: 'true' } }, expectedMinutes: 15 },
    { key: 'prod', name: 'Production', reachedBy: { workflow: 'deploy-prod' }, production: true },
  ],
};

describe('pipelineSchema', () => {
  it('fills defaults and finds the production station', () => {
    const p = pipelineSchema.parse(base);
    expect(p.version).toEqual({ initial: '0.1.0', bump: 'minor', tagPrefix: 'v' });
    expect(p.repository.baseBranch).toBe('main');
    expect(p.features.readyStatus).toBe('Ready');
    expect(productionStation(p).key).toBe('prod');
    expect(checkPipeline(p)).toEqual([]);
  });

  it('names what is wrong', () => {
    const bad = pipelineSchema.safeParse({ ...base, version: { initial: 'v1' }, stations: [{ ...base.stations[0], reachedBy: { event: { source: 'x', type: 'bad type' } } }] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['version.initial']));
    expect(paths.some((p) => p.startsWith('stations.0.reachedBy'))).toBe(true);
    const dup = pipelineSchema.parse({ ...base, stations: [base.stations[0], base.stations[0]] });
    expect(checkPipeline(dup)[0].message).toMatch(/duplicate station key "cut"/);
  });
});
