import type { Layer } from '@deck.gl/core';
import type { AppState } from '../store/useStore';
import { rankingOverlay } from './rankingOverlay';
import { parksOverlay } from './parksOverlay';
import { parkingOverlay } from './parkingOverlay';
import { gapGridOverlay } from './gapGridOverlay';
import { searchHitOverlay } from './searchHitOverlay';

/**
 * Extra deck.gl layers from feature areas (gap grid, ranking highlight, park service areas...).
 * Each overlay is a pure function of state that MUST memoise its layer data (see util/memoLast):
 * the map calls every overlay on every store change. `below` goes under the communities,
 * `above` over them (under facilities and labels), `top` over everything, labels included.
 */
export type MapOverlay = (s: AppState) => { below?: Layer[]; above?: Layer[]; top?: Layer[] } | null;

/** Registered overlays, one line per feature area. */
export const MAP_OVERLAYS: MapOverlay[] = [
  parksOverlay,
  parkingOverlay,
  rankingOverlay,
  gapGridOverlay,
  searchHitOverlay,
];

export function collectOverlays(s: AppState): { below: Layer[]; above: Layer[]; top: Layer[] } {
  const below: Layer[] = [];
  const above: Layer[] = [];
  const top: Layer[] = [];
  for (const o of MAP_OVERLAYS) {
    const r = o(s);
    if (r?.below) below.push(...r.below);
    if (r?.above) above.push(...r.above);
    if (r?.top) top.push(...r.top);
  }
  return { below, above, top };
}
