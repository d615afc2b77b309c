import { BitmapLayer, PolygonLayer } from '@deck.gl/layers';
import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import type { AccessSurface } from '../worker/protocol';
import { memoLast } from '../util/memoLast';
import { surfaceColor } from './accessPalette';
import type { OverlayLayers } from './overlays';

/** What the surface overlay draws from. */
export interface SurfaceOverlayProps {
  surface: AccessSurface | null;
  cell: { col: number; row: number } | null;
}

/** The surface as an image, north row first: one pixel per cell, coloured by minutes. */
export const surfaceImage = memoLast((s: AccessSurface): ImageData => {
  const { nx, ny } = s.grid;
  const px = new Uint8ClampedArray(4 * nx * ny);
  for (let row = 0; row < ny; row++) {
    for (let col = 0; col < nx; col++) {
      const c = surfaceColor(s.value[row * nx + col] / s.metresPerMinute);
      px.set(c, 4 * ((ny - 1 - row) * nx + col));
    }
  }
  return new ImageData(px, nx, ny);
});

/** The corners of cell (col, row) as a ring. */
export function cellRing(g: AccessSurface['grid'], col: number, row: number): [number, number][] {
  const w = g.lon0 + col * g.dLon, e = w + g.dLon, s = g.lat0 + row * g.dLat, n = s + g.dLat;
  return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}

/**
 * The accessibility surface (issue 13) under the communities: a bitmap with one pixel per cell
 * in lon/lat (deck.gl reprojects it), sharp at any zoom; the clicked cell outlined on top.
 */
export function surfaceOverlay(p: SurfaceOverlayProps): OverlayLayers | null {
  const s = p.surface;
  if (!s) return null;
  const g = s.grid;
  const below: Layer[] = [
    new BitmapLayer({
      id: 'access-surface',
      image: surfaceImage(s),
      bounds: [g.lon0, g.lat0, g.lon0 + g.nx * g.dLon, g.lat0 + g.ny * g.dLat],
      _imageCoordinateSystem: COORDINATE_SYSTEM.LNGLAT,
      textureParameters: { minFilter: 'nearest', magFilter: 'nearest' },
      pickable: false,
    }),
  ];
  const top: Layer[] = p.cell
    ? [new PolygonLayer({ id: 'access-surface-cell', data: [{ polygon: cellRing(g, p.cell.col, p.cell.row) }], getPolygon: (d: { polygon: [number, number][] }) => d.polygon, filled: false, stroked: true, getLineColor: [20, 20, 20, 255], lineWidthUnits: 'pixels', getLineWidth: 2, pickable: false })]
    : [];
  return { below, top };
}
