import type { LayerFeatures } from '../store/layersSlice';
import { memoLast } from '../util/memoLast';

/**
 * Facilities per category id (missing category → ''), counted once per facility collection:
 * the layers panel and the analysis panel both need it, and a collection can hold 50k points.
 */
export const facilityCategoryCounts = memoLast((fc: LayerFeatures | undefined): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const f of fc?.features ?? []) {
    const c = String(f.properties.category ?? '');
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
});
