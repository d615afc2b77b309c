import { multiSourceDijkstra } from '../../network/multiSourceDijkstra';
import { distancesAtSnaps, prepareSnapTargets, type SnapTargetPlan } from '../../network/distancesAtSnaps';
import { snapPoints, type SnapResult } from '../../network/snapPoints';
import { createLocalFrame, lonLatExtent } from '../../network/localFrame';
import type { CoverageContext } from '../coverage/prepareCoverage';

/** A regular grid over the walkable area, its cell centres snapped to the network once. */
export interface SurfaceGrid {
  /** metres */
  cell: number;
  /** columns and rows; cell (i, j) is index j·nx + i, row 0 at the south */
  nx: number;
  ny: number;
  /** south-west corner of cell (0, 0) and the size of one cell, in degrees */
  lon0: number;
  lat0: number;
  dLon: number;
  dLat: number;
  /** cell centres, lon/lat interleaved */
  centres: Float64Array;
  /** centre snaps: ok = 0 (farther than maxSnap from the network) leaves the cell empty */
  snap: SnapResult;
  plan: SnapTargetPlan;
}

/** Cells on a side at most (a county at 25 m is ≈ 4,000 × 4,000): larger asks are refused, not silently coarsened. */
export const MAX_SURFACE_CELLS = 4_000_000;

/**
 * The grid of an accessibility surface (DESIGN §4, issue 13): square cells of `cell` metres over
 * the network's extent in its local frame, each centre snapped to the nearest segment within the
 * analysis' maxSnap (cells beyond are empty: not walkable). Built once per cell size; every
 * category's surface then reads the same snaps.
 */
export function surfaceGrid(ctx: CoverageContext, cell: number): SurfaceGrid {
  const net = ctx.network;
  if (!net) throw new Error('an accessibility surface needs a walking network');
  if (!(cell >= 5 && cell <= 1000)) throw new Error(`surface cell size must be 5–1,000 m, got ${cell}`);
  const [minLon, minLat, maxLon, maxLat] = lonLatExtent(net.graph.coords);
  const frame = createLocalFrame(minLon, minLat, maxLon, maxLat);
  const dLon = cell / frame.kx, dLat = cell / frame.ky;
  const nx = Math.max(1, Math.ceil((maxLon - minLon) / dLon)), ny = Math.max(1, Math.ceil((maxLat - minLat) / dLat));
  if (nx * ny > MAX_SURFACE_CELLS) throw new Error(`a ${cell} m surface over this network has ${(nx * ny).toLocaleString('en')} cells (at most ${MAX_SURFACE_CELLS.toLocaleString('en')}): choose larger cells`);
  const centres = new Float64Array(2 * nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const q = j * nx + i;
      centres[2 * q] = minLon + (i + 0.5) * dLon;
      centres[2 * q + 1] = minLat + (j + 0.5) * dLat;
    }
  }
  const snap = snapPoints(net.graph, net.index, centres, ctx.options.maxSnap);
  return { cell, nx, ny, lon0: minLon, lat0: minLat, dLon, dLat, centres, snap, plan: prepareSnapTargets(net.graph, snap) };
}

/**
 * Walking distance (metres) from every cell centre to the nearest facility of category k: one
 * search over the whole network from the category's facilities (the engine's node distances),
 * read at the cell snaps like a community's (access leg + along the edge); no per-cell search.
 * NaN for empty cells (beyond maxSnap), Infinity where no facility is reachable.
 */
export function categorySurface(ctx: CoverageContext, grid: SurfaceGrid, k: number): Float32Array {
  const net = ctx.network!;
  const sourceIds = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
  const cutoff = ctx.options.cutoff;
  const run = multiSourceDijkstra(net.graph, net.sourceSnap, net.workspace, { sourceIds, cutoff });
  const { distance } = distancesAtSnaps(net.graph, run, grid.snap, net.sourceSnap, { sourceIds, cutoff, plan: grid.plan });
  const out = new Float32Array(distance.length);
  for (let q = 0; q < out.length; q++) out[q] = grid.snap.ok[q] ? distance[q] : NaN;
  return out;
}

/**
 * "Time to reach all of a level's mandatory categories" as a distance: per cell the maximum over
 * the given category surfaces (Infinity when one of them is unreachable, NaN for empty cells).
 */
export function maxSurface(surfaces: readonly Float32Array[], cells: number): Float32Array {
  const out = new Float32Array(cells).fill(surfaces.length ? -Infinity : NaN);
  for (const s of surfaces) for (let q = 0; q < cells; q++) out[q] = Number.isNaN(s[q]) || Number.isNaN(out[q]) ? NaN : Math.max(out[q], s[q]);
  return out;
}

/**
 * The grid's cells as GeoJSON squares (empty cells left out): col, row, dist_m and minutes (null
 * when unreachable), and for a level's surface each category's own `dist_<k>` (its breakdown).
 */
export function surfaceFeatures(
  grid: Pick<SurfaceGrid, 'nx' | 'ny' | 'lon0' | 'lat0' | 'dLon' | 'dLat' | 'cell'>, value: ArrayLike<number>, metresPerMinute: number,
  parts: readonly { categoryId: string; value: ArrayLike<number> }[] = [],
) {
  const features = [];
  const r7 = (x: number) => Math.round(x * 1e7) / 1e7;
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      const d = value[j * grid.nx + i];
      if (Number.isNaN(d)) continue;
      const w = r7(grid.lon0 + i * grid.dLon), e = r7(grid.lon0 + (i + 1) * grid.dLon);
      const s = r7(grid.lat0 + j * grid.dLat), n = r7(grid.lat0 + (j + 1) * grid.dLat);
      features.push({
        type: 'Feature' as const,
        properties: {
          col: i, row: j, dist_m: Number.isFinite(d) ? Math.round(d * 10) / 10 : null, minutes: Number.isFinite(d) ? Math.round((d / metresPerMinute) * 10) / 10 : null,
          ...(parts.length > 1 ? Object.fromEntries(parts.map((p) => [`dist_${p.categoryId}`, Number.isFinite(p.value[j * grid.nx + i]) ? Math.round(p.value[j * grid.nx + i] * 10) / 10 : null])) : {}),
        } as Record<string, number | null>,
        geometry: { type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
      });
    }
  }
  return features;
}

/** The cell (col, row) of a surface grid under a point, null outside the grid. */
export function surfaceCellAt(grid: Pick<SurfaceGrid, 'nx' | 'ny' | 'lon0' | 'lat0' | 'dLon' | 'dLat'>, lon: number, lat: number): { col: number; row: number } | null {
  const col = Math.floor((lon - grid.lon0) / grid.dLon), row = Math.floor((lat - grid.lat0) / grid.dLat);
  return col >= 0 && row >= 0 && col < grid.nx && row < grid.ny ? { col, row } : null;
}
