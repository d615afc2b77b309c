import { HexagonLayer } from '@deck.gl/aggregation-layers';
import { uncoveredPopulation, type GapTarget } from '../core/analysis/coverage';
import type { CoverageResult } from '../core/analysis/coverage';
import type { MissingMandatoryCoverage } from '../core/analysis/compliance';
import type { LayerFeatures } from '../store/layersSlice';
import { memoLast } from '../util/memoLast';
import { communityPoints } from './communityPoints';
import { DECK_ANCHOR_LAYER } from './offlineStyle';
import { GAP_GRID_RANGE } from './palette';
import type { OverlayLayers } from './overlays';

/** One uncovered community: its representative point and its uncovered residents. */
export interface GapPoint {
  index: number;
  position: [number, number];
  weight: number;
}

/**
 * The points aggregated by the hex grid: communities with uncovered residents (population of those
 * not covered for the category, or not meeting all the level's mandatory categories).
 */
export function gapGridPoints(coverage: MissingMandatoryCoverage, population: ArrayLike<number>, points: Float64Array, target: GapTarget): GapPoint[] {
  const w = uncoveredPopulation(coverage, population, target);
  if (!w) return [];
  const out: GapPoint[] = [];
  for (let c = 0; c < w.length; c++) {
    const lon = points[2 * c], lat = points[2 * c + 1];
    if (w[c] > 0 && Number.isFinite(lon) && Number.isFinite(lat)) out.push({ index: c, position: [lon, lat], weight: w[c] });
  }
  return out;
}

// Keyed by the coverage object and the target: recomputed only when the result or the target changes.
const data = memoLast(
  (coverage: CoverageResult, population: Float64Array, communities: LayerFeatures, kind: 'category' | 'level', id: string): GapPoint[] =>
    gapGridPoints(coverage, population, communityPoints(communities), kind === 'category' ? { category: id } : { level: id }),
);

// Interleaved below the MapLibre labels (deck.gl's maplibre prop, not in the layer's own props type).
const ANCHOR = { beforeId: DECK_ANCHOR_LAYER };

/** What the gap grid aggregates: the uncovered residents of one category or one level. */
export interface GapGridInput {
  grid: 'off' | 'category' | 'level';
  coverage: CoverageResult | null;
  population: Float64Array | undefined;
  communities: LayerFeatures | null;
  /** the category (grid 'category') or level (grid 'level') id */
  id: string | null;
}

/** The gap grid's points (memoised on the result and the target), or null when the grid is off or there is nothing to count. */
export function gapGridData({ grid, coverage, population, communities, id }: GapGridInput): GapPoint[] | null {
  if (grid === 'off' || !coverage || !population || !communities || !id) return null;
  if (coverage.communityCount !== communities.features.length) return null;
  return data(coverage, population, communities, grid, id);
}

/**
 * Uncovered population on a hexagon grid (deck.gl HexagonLayer, CPU aggregation, colour = Σ
 * uncovered residents of the communities whose representative point falls in the cell).
 * Drawn over the communities, translucent.
 */
export function gapGridOverlay({ points, radius }: { points: GapPoint[] | null; radius: number }): OverlayLayers | null {
  if (!points) return null;
  return {
    above: [
      new HexagonLayer<GapPoint>({
        id: 'gap-grid',
        data: points,
        gpuAggregation: false,
        radius,
        coverage: 0.94,
        extruded: false,
        getPosition: (p) => p.position,
        getColorWeight: (p) => p.weight,
        colorAggregation: 'SUM',
        getElevationWeight: (p) => p.weight,
        elevationAggregation: 'SUM',
        colorRange: GAP_GRID_RANGE,
        opacity: 0.78,
        pickable: false,
        ...ANCHOR,
      }),
    ],
  };
}
