import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { centroid } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { rankByScore } from '../core/analysis/renovationScore';
import type { LayerFeatures } from '../store/layersSlice';
import { selectRenovation } from '../store/selectRenovation';
import type { AppState } from '../store/useStore';
import { memoLast } from '../util/memoLast';
import { DECK_ANCHOR_LAYER } from './offlineStyle';
import { PLANNING_COLORS } from './planningPalette';
import type { MapOverlay } from './overlays';

/** The workbench tab that shows the ranking (the overlay draws only while it is open). */
export const RANKING_TAB = 'ranking';

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
    const [lon, lat] = centroid(f).geometry.coordinates;
    labels.push({ position: [lon, lat], text: String(i + 1) });
  });
  return { features, labels };
});

/**
 * The top N old communities of the renovation ranking: a thick outline (no fill, no extrusion,
 * so the community colouring stays readable) and their rank at the centre.
 */
export const rankingOverlay: MapOverlay = (s: AppState) => {
  if (s.workbenchTab !== RANKING_TAB || !s.layers.communities || s.rankingTopN <= 0) return null;
  let r;
  try {
    r = selectRenovation(s);
  } catch {
    return null; // weights the rule set does not know: the view says so
  }
  if (!r) return null;
  const top = topN(r.score, s.weights?.population, s.layers.communities.fc, s.rankingTopN);
  const above: Layer[] = [
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
    new TextLayer({
      id: 'ranking-labels',
      data: top.labels,
      getPosition: (d: TopLabel) => d.position,
      getText: (d: TopLabel) => d.text,
      getSize: 13,
      getColor: PLANNING_COLORS.rankLabel,
      fontWeight: 'bold',
      background: true,
      getBackgroundColor: PLANNING_COLORS.rankLabelBackground,
      backgroundPadding: [4, 2],
      // above the community's name label (MapLibre draws it at the same centroid)
      getPixelOffset: [0, -18],
      beforeId: DECK_ANCHOR_LAYER,
      pickable: false,
    }),
  ];
  return { above };
};
