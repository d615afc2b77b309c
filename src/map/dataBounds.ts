import type { LayerKind } from '../core/model';
import type { LoadedLayer } from '../store/layersSlice';

/** [west, south, east, north] over every coordinate of the loaded layers, or null when empty. */
export function dataBounds(layers: Partial<Record<LayerKind, LoadedLayer>>): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const x = c[0], y = c[1] as number;
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
      return;
    }
    for (const part of c) visit(part);
  };
  for (const layer of Object.values(layers)) {
    for (const f of layer?.fc.features ?? []) {
      const g = f.geometry;
      if (g && 'coordinates' in g) visit(g.coordinates);
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
