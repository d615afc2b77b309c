import type { Map as MapLibreMap } from 'maplibre-gl';

let current: MapLibreMap | null = null;

/** The page's map, for UI actions that move the camera (fly to a row's community). */
export function activeMap(): MapLibreMap | null {
  return current;
}

/** Called by MapView when the map is created and removed. */
export function setActiveMap(map: MapLibreMap | null): void {
  current = map;
}
