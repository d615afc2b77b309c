import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Feature, Geometry } from 'geojson';
import type { ParkCoverageResult } from '../core/analysis/parks';
import type { ServiceAreaFeature } from '../core/analysis/serviceArea';
import type { LayerFeatures } from '../store/layersSlice';
import { memoLast } from '../util/memoLast';
import { DECK_ANCHOR_LAYER } from './offlineStyle';
import { PLANNING_COLORS } from './planningPalette';
import type { OverlayLayers } from './overlays';

/** What the parks overlay draws from. */
export interface ParksOverlayProps {
  parks: ParkCoverageResult | null;
  /** the service areas drawn for `parks` (network mode), null until they arrive */
  serviceAreas: ServiceAreaFeature[] | null;
  /** the detour factor of straight-line circles (euclidean mode) */
  detour: number;
  parkLayer: LayerFeatures | null;
  communities: LayerFeatures | null;
}

type F = Feature<Geometry, Record<string, unknown>>;

const pickParks = memoLast((fc: LayerFeatures, parkClass: Int32Array): F[] => fc.features.filter((f, i) => f.geometry && parkClass[i] >= 0) as F[]);

// A new wrapper per call would change the layer's data identity on every store change (every hover).
const areaCollection = memoLast((features: ServiceAreaFeature[]) => ({ type: 'FeatureCollection' as const, features }));

/** Euclidean mode: one circle per access point of a qualifying park (radius ÷ detour). */
const circles = memoLast((p: ParkCoverageResult, detour: number) => {
  const n = p.accessOwner.length;
  const out: { position: [number, number]; radius: number }[] = [];
  for (let i = 0; i < n; i++) {
    const r = p.parks.radius[p.accessOwner[i]];
    if (Number.isFinite(r)) out.push({ position: [p.accessPoints[2 * i], p.accessPoints[2 * i + 1]], radius: r / detour });
  }
  return out;
});

/**
 * While the parks view is open: the park service areas (network: the worker's polygons;
 * euclidean: circles around the parks' access points), qualifying parks outlined, and the
 * communities filled by whether a qualifying park is within reach.
 */
export function parksOverlay({ parks: p, serviceAreas, detour, parkLayer, communities }: ParksOverlayProps): OverlayLayers | null {
  if (!p) return null;
  const below: Layer[] = [];
  const above: Layer[] = [];
  if (p.mode === 'network') {
    const areas = serviceAreas;
    if (areas?.length) {
      below.push(
        new GeoJsonLayer({
          id: 'park-service-areas',
          data: areaCollection(areas) as never,
          filled: true,
          stroked: true,
          getFillColor: PLANNING_COLORS.parkServiceFill,
          getLineColor: PLANNING_COLORS.parkServiceLine,
          lineWidthMinPixels: 1.5,
          beforeId: DECK_ANCHOR_LAYER,
          pickable: false,
        }),
      );
    }
  } else {
    below.push(
      new ScatterplotLayer({
        id: 'park-service-circles',
        data: circles(p, detour),
        getPosition: (d: { position: [number, number] }) => d.position,
        getRadius: (d: { radius: number }) => d.radius,
        radiusUnits: 'meters',
        filled: true,
        stroked: false,
        getFillColor: [PLANNING_COLORS.parkServiceFill[0], PLANNING_COLORS.parkServiceFill[1], PLANNING_COLORS.parkServiceFill[2], 14],
        beforeId: DECK_ANCHOR_LAYER,
        pickable: false,
      }),
    );
  }
  if (parkLayer && p.parks.count === parkLayer.features.length) {
    above.push(
      new GeoJsonLayer({
        id: 'parks-qualifying',
        data: pickParks(parkLayer, p.parks.parkClass) as never,
        filled: false,
        stroked: true,
        getLineColor: PLANNING_COLORS.parkQualifying,
        getLineWidth: 2.5,
        lineWidthUnits: 'pixels',
        beforeId: DECK_ANCHOR_LAYER,
        pickable: false,
      }),
    );
  }
  if (communities && p.communityCount === communities.features.length) {
    const ok = p.ok;
    above.push(
      new GeoJsonLayer({
        id: 'parks-community-coverage',
        data: communities as never,
        filled: true,
        stroked: true,
        getFillColor: (_f: unknown, { index }: { index: number }) => (ok[index] ? PLANNING_COLORS.parkCovered : PLANNING_COLORS.parkUncovered),
        getLineColor: [90, 90, 90, 160],
        lineWidthMinPixels: 0.5,
        updateTriggers: { getFillColor: ok },
        beforeId: DECK_ANCHOR_LAYER,
        pickable: false,
      }),
    );
  }
  return { below, above };
}
