import { describe, expect, it } from 'vitest';
import { lineFromSummary, markerIndex, stationCentre, trainWhere, type LineTrain } from './line-model';

const stations = [
  { key: 'cut', name: 'Cut branch' },
  { key: 'preprod', name: 'Preproduction build' },
  { key: 'prod', name: 'Production' },
];
const train = (over: Partial<LineTrain>): LineTrain => ({ id: 't1', number: 4, kind: 'regular', status: 'running', version: '1.5.0', station: 'preprod', ...over });

describe('lineFromSummary', () => {
  it('draws an empty track as pending stations', () => {
    expect(lineFromSummary(stations, null).map((s) => s.status)).toEqual(['pending', 'pending', 'pending']);
  });
  it('marks stations behind the train reached and its station active', () => {
    expect(lineFromSummary(stations, train({})).map((s) => s.status)).toEqual(['reached', 'active', 'pending']);
  });
  it('marks the station where a train derailed failed', () => {
    expect(lineFromSummary(stations, train({ status: 'derailed' })).map((s) => s.status)).toEqual(['reached', 'failed', 'pending']);
  });
  it('marks every station reached once the train arrived', () => {
    expect(lineFromSummary(stations, train({ status: 'arrived', station: null })).map((s) => s.status)).toEqual(['reached', 'reached', 'reached']);
  });
});

describe('markerIndex', () => {
  it('sits at the current station, at the end once arrived, nowhere without a train', () => {
    expect(markerIndex(stations, train({}))).toBe(1);
    expect(markerIndex(stations, train({ status: 'arrived', station: null }))).toBe(2);
    expect(markerIndex(stations, null)).toBeNull();
    expect(markerIndex(stations, train({ station: 'gone' }))).toBeNull();
  });
});

describe('stationCentre and trainWhere', () => {
  it('centres stations in equal cells', () => {
    expect(stationCentre(0, 4)).toBe(12.5);
    expect(stationCentre(3, 4)).toBe(87.5);
  });
  it('says where the train is in words', () => {
    expect(trainWhere(train({}), stations)).toBe('Train #4 · 1.5.0 at Preproduction build');
    expect(trainWhere(train({ kind: 'hotfix', status: 'arrived', station: null }), stations)).toBe('Hotfix train #4 · 1.5.0 arrived');
    expect(trainWhere(train({ status: 'derailed', station: 'cut' }), stations)).toBe('Train #4 · 1.5.0 derailed at Cut branch');
  });
});
