import { describe, expect, it } from 'vitest';
import { boardHotfix, boardRegular, notReadyWhy } from './boarding';

const features = [
  { key: 'SHOP-1', status: 'ready' },
  { key: 'SHOP-2', status: 'open' },
  { key: 'SHOP-3', status: 'ready' },
  { key: 'SHOP-4', status: 'aboard' },
  { key: 'SHOP-5', status: 'released' },
];

describe('boarding', () => {
  it('takes every ready feature aboard a regular train; open ones miss it', () => {
    const b = boardRegular(features);
    expect(b.boarding.map((f) => f.key)).toEqual(['SHOP-1', 'SHOP-3']);
    expect(b.missed.map((f) => f.key)).toEqual(['SHOP-2']);
  });
  it('takes only the named open or ready features aboard a hotfix', () => {
    const b = boardHotfix(features, ['SHOP-2', 'SHOP-4', 'SHOP-9', 'SHOP-2']);
    expect(b.boarding.map((f) => f.key)).toEqual(['SHOP-2']);
    expect(b.refused.map((r) => r.why)).toEqual(['SHOP-4 is aboard another train']);
    expect(b.unknown).toEqual(['SHOP-9']);
    expect(b.missed).toEqual([]);
  });
  it('says why a feature is not boarding', () => {
    expect(notReadyWhy({ status: 'open', missedTrainNumber: 12 })).toBe('not ready yet: status is open (missed train 12)');
    expect(notReadyWhy({ status: 'open' })).toBe('not ready yet: status is open');
    expect(notReadyWhy({ status: 'aboard', trainNumber: 13 })).toBe('aboard train 13');
  });
});
