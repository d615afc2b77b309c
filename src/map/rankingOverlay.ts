import { GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { representativePoint } from '../core/analysis/points';
import type { Feature, Geometry } from 'geojson';
import { rankByScore } from '../core/analysis/renovation';
import type { LayerFeatures } from '../store/layersSlice';
import type { RenovationScoreResult } from '../core/analysis/renovation';
import { memoLast } from '../util/memoLast';
import { DECK_ANCHOR_LAYER } from './offlineStyle';
import { PLANNING_COLORS } from './planningPalette';
import type { OverlayLayers } from './overlays';

/** The workbench tab that shows the ranking (the overlay draws only while it is open). */
/** What the ranking overlay draws from. */
export interface RankingOverlayProps {
  /** the renovation scores, null when there are none (or the weights are not valid for the rule set) */
  renovation: RenovationScoreResult | null;
  /** population per community, the tie-breaker of the ranking */
  population: Float64Array | undefined;
  communities: LayerFeatures | null;
  topN: number;
}

interface TopLabel {
  position: [number, number];
  text: string;
}

const topN = memoLast((score: Float64Array, population: Float64Array | undefined, fc: LayerFeatures, n: number) => {
  const order = rankByScore(score, population).subarray(0, n);
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  const labels: TopLabel[] = [];
  order.forEach((c, i) => {
    const f = fc.features[c];
    if (!f?.geometry) return;
    features.push(f);
    const p = representativePoint(f.geometry);
    if (p) labels.push({ position: p, text: String(i + 1) });
  });
  // Rank 1 drawn last, on top, where two markers touch.
  labels.reverse();
  return { features, labels };
});

/**
 * The top N old communities of the renovation ranking: a thick outline (no fill, no extrusion,
 * so the community colouring stays readable) and a numbered marker at its representative point.
 */
export function rankingOverlay({ renovation: r, population, communities, topN: n }: RankingOverlayProps): OverlayLayers | null {
  if (!communities || n <= 0 || !r) return null;
  const top = topN(r.score, population, communities, n);
  const outline: Layer[] = [
    new GeoJsonLayer({
      id: 'ranking-top',
      data: top.features as never,
      filled: false,
      stroked: true,
      getLineColor: PLANNING_COLORS.rankOutline,
      getLineWidth: 3.5,
      lineWidthUnits: 'pixels',
      beforeId: DECK_ANCHOR_LAYER,
      pickable: false,
    }),
  ];
  const markers: Layer[] = [
    // Numbered markers inside each community, drawn over everything (no beforeId): MapLibre's
    // label collisions can hide a name, never a rank.
    new ScatterplotLayer({
      id: 'ranking-markers',
      data: top.labels,
      getPosition: (d: TopLabel) => d.position,
      getRadius: 11,
      radiusUnits: 'pixels',
      getFillColor: PLANNING_COLORS.rankLabelBackground,
      getLineColor: PLANNING_COLORS.rankLabel,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      stroked: true,
      pickable: false,
    }),
    new TextLayer({
      id: 'ranking-labels',
      data: top.labels,
      getPosition: (d: TopLabel) => d.position,
      getText: (d: TopLabel) => d.text,
      getSize: 13,
      getColor: PLANNING_COLORS.rankLabel,
      fontWeight: 'bold',
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      pickable: false,
    }),
  ];
  return { above: outline, top: markers };
}
