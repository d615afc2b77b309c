import { representativePoint } from '../core/analysis/points';
import type { LayerFeatures } from '../store/layersSlice';

const cache = new WeakMap<LayerFeatures, Float64Array>();

/**
 * Representative point of every community (DESIGN §4, the point the analysis measures from),
 * lon/lat interleaved; NaN for a community without usable geometry. Computed once per collection.
 */
export function communityPoints(fc: LayerFeatures): Float64Array {
  const hit = cache.get(fc);
  if (hit) return hit;
  const out = new Float64Array(fc.features.length * 2).fill(NaN);
  fc.features.forEach((f, i) => {
    const p = representativePoint(f?.geometry);
    if (p) {
      out[2 * i] = p[0];
      out[2 * i + 1] = p[1];
    }
  });
  cache.set(fc, out);
  return out;
}
