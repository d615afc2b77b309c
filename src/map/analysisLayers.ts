import { GeoJsonLayer, LineLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { ServiceAreaResult } from '../worker/protocol';
import type { CoverageRoute } from '../core/analysis/coverage';
import { COVERAGE_COLORS, categoryColor, distanceColor, type RGBA } from './palette';
import { DECK_ANCHOR_LAYER } from './offlineStyle';

/**
 * Coverage overlays: service-area polygons (drawn below the communities), reached streets or
 * circles and the selected route (above them).
 */
export function buildAnalysisLayers(
  serviceArea: ServiceAreaResult | null,
  route: CoverageRoute | null,
): { below: Layer[]; above: Layer[] } {
  const below: Layer[] = [];
  const out: Layer[] = [];
  if (serviceArea) {
    const color = categoryColor(serviceArea.categoryId);
    const fill: RGBA = [color[0], color[1], color[2], 45];
    const line: RGBA = [color[0], color[1], color[2], 200];
    if (serviceArea.polygons.length) {
      below.push(
        new GeoJsonLayer({
          id: 'service-area',
          data: { type: 'FeatureCollection', features: serviceArea.polygons } as never,
          filled: true,
          stroked: true,
          getFillColor: fill,
          getLineColor: line,
          lineWidthMinPixels: 1.5,
          beforeId: DECK_ANCHOR_LAYER,
          pickable: false,
        }),
      );
    }
    const e = serviceArea.edges;
    if (e && e.length) {
      const r = serviceArea.threshold;
      out.push(
        new LineLayer({
          id: 'service-area-edges',
          data: { length: e.length },
          getSourcePosition: (_: unknown, { index }: { index: number }) => [e.sourcePositions[2 * index], e.sourcePositions[2 * index + 1]],
          getTargetPosition: (_: unknown, { index }: { index: number }) => [e.targetPositions[2 * index], e.targetPositions[2 * index + 1]],
          getColor: (_: unknown, { index }: { index: number }) => distanceColor((e.sourceDistances[index] + e.targetDistances[index]) / 2, r),
          getWidth: 2.5,
          widthMinPixels: 1.5,
          beforeId: DECK_ANCHOR_LAYER,
          updateTriggers: { getColor: r },
        }),
      );
    }
    const c = serviceArea.circles;
    if (c) {
      out.push(
        new ScatterplotLayer({
          id: 'service-area-circles',
          data: { length: c.positions.length / 2 },
          getPosition: (_: unknown, { index }: { index: number }) => [c.positions[2 * index], c.positions[2 * index + 1]],
          getRadius: c.radius,
          radiusUnits: 'meters',
          filled: true,
          stroked: true,
          getFillColor: fill,
          getLineColor: line,
          lineWidthMinPixels: 1.5,
          beforeId: DECK_ANCHOR_LAYER,
        }),
      );
    }
  }
  if (route && route.coordinates.length > 1) {
    const path = route.coordinates;
    for (const [id, color, width] of [
      ['route-casing', COVERAGE_COLORS.routeCasing, 9],
      ['route', COVERAGE_COLORS.route, 5],
    ] as const) {
      out.push(
        new PathLayer({
          id,
          data: [path],
          getPath: (p: [number, number][]) => p,
          getColor: color,
          getWidth: width,
          widthUnits: 'pixels',
          capRounded: true,
          jointRounded: true,
          beforeId: DECK_ANCHOR_LAYER,
        }),
      );
    }
  }
  return { below, above: out };
}
