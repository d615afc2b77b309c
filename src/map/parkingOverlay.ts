import { GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { ParkingSupplyResult } from '../core/analysis/parking';
import type { LayerFeatures } from '../store/layersSlice';
import { memoLast } from '../util/memoLast';
import { DECK_ANCHOR_LAYER } from './offlineStyle';
import { PLANNING_COLORS, parkingGapColor } from './planningPalette';
import type { OverlayLayers } from './overlays';

/** What the parking overlay draws from. */
export interface ParkingOverlayProps {
  parking: ParkingSupplyResult | null;
  communities: LayerFeatures | null;
  /** households per community (the analysis weights) */
  households: Float64Array | undefined;
}

interface Lot {
  position: [number, number];
  spaces: number;
}

/** Public lots with a position: a circle of radius √spaces × 6 m (100 spaces → 60 m), so area ∝ spaces. */
export const lotRadius = (spaces: number): number => 6 * Math.sqrt(Math.max(0, spaces));

const lots = memoLast((r: ParkingSupplyResult): Lot[] => {
  const out: Lot[] = [];
  for (let j = 0; j < r.lots.count; j++) {
    const lon = r.lots.points[2 * j], lat = r.lots.points[2 * j + 1];
    if (r.lots.isPublic[j] && Number.isFinite(lon) && Number.isFinite(lat)) out.push({ position: [lon, lat], spaces: r.lots.spaces[j] });
  }
  return out;
});

const gapPerHousehold = memoLast((r: ParkingSupplyResult, households: Float64Array | undefined): Float64Array =>
  Float64Array.from({ length: r.communityCount }, (_, c) => {
    const hh = households?.[c] ?? 0;
    return hh > 0 ? r.gap[c] / hh : r.gap[c] > 0 ? Infinity : 0;
  }),
);

/**
 * While the parking view is open: communities shaded by their parking gap per household and the
 * public lots as circles sized by their spaces (with the count).
 */
export function parkingOverlay({ parking: r, communities, households }: ParkingOverlayProps): OverlayLayers | null {
  if (!r || !communities || r.communityCount !== communities.features.length) return null;
  const perHh = gapPerHousehold(r, households);
  const above: Layer[] = [
    new GeoJsonLayer({
      id: 'parking-gap-communities',
      data: communities as never,
      filled: true,
      stroked: true,
      getFillColor: (_f: unknown, { index }: { index: number }) => parkingGapColor(perHh[index]),
      getLineColor: [90, 90, 90, 160],
      lineWidthMinPixels: 0.5,
      updateTriggers: { getFillColor: perHh },
      beforeId: DECK_ANCHOR_LAYER,
      pickable: false,
    }),
    new ScatterplotLayer({
      id: 'parking-lots-sized',
      data: lots(r),
      getPosition: (d: Lot) => d.position,
      getRadius: (d: Lot) => lotRadius(d.spaces),
      radiusUnits: 'meters',
      radiusMinPixels: 6,
      filled: true,
      stroked: true,
      getFillColor: PLANNING_COLORS.parkingLotFill,
      getLineColor: PLANNING_COLORS.parkingLotLine,
      lineWidthMinPixels: 1.5,
      beforeId: DECK_ANCHOR_LAYER,
      pickable: false,
    }),
    new TextLayer({
      id: 'parking-lot-spaces',
      data: lots(r),
      getPosition: (d: Lot) => d.position,
      getText: (d: Lot) => String(Math.round(d.spaces)),
      getSize: 11,
      getColor: [255, 255, 255, 255],
      fontWeight: 'bold',
      outlineWidth: 2,
      outlineColor: PLANNING_COLORS.parkingLotLine,
      fontSettings: { sdf: true },
      beforeId: DECK_ANCHOR_LAYER,
      pickable: false,
    }),
  ];
  return { above };
}
