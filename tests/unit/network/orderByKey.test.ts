import { describe, expect, it } from 'vitest';
import { orderByKey } from '../../../src/core/network/orderByKey';

// The radix order replaces sorting packed doubles (key · 2²¹ + id): the same order, ties by id.
describe('orderByKey', () => {
  it('orders ids by key, equal keys by id, for any size and spread of keys', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const n of [0, 1, 2, 5, 300, 4096, 70000]) {
      for (const spread of [1, 7, 256, 65536, 2 ** 32]) {
        const keys = Uint32Array.from({ length: n }, () => Math.floor(rnd() * spread));
        const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
        expect(Array.from(orderByKey(keys))).toEqual(expected);
      }
    }
  });
});
