import gcoord from 'gcoord';
import type { Feature, FeatureCollection } from 'geojson';
import { mapFeature, mapFeatureCollection, type PositionFn } from './mapCoordinates';

/** The offset systems of Chinese web maps: GCJ-02 (Amap/高德, Tencent/腾讯) and BD-09 (Baidu/百度). */
export type ChineseCrs = 'gcj02' | 'bd09';

const forwardGcj = (lon: number, lat: number): [number, number] => gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];

/**
 * GCJ-02 → WGS84: the exact inverse of gcoord's forward transform by fixed-point iteration to
 * 1e-9° (≈ 0.1 mm). gcoord's own inverse stops at 1e-6° (≈ 0.1 m) and loops without a bound,
 * which can oscillate forever at the edge of its China box; this one stops after 30 steps (it
 * converges in 3–5 inside China). Outside China's box positions are returned unchanged.
 */
export const gcj02ToWgs84: PositionFn = (lon, lat) => {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return [lon, lat];
  let x = lon;
  let y = lat;
  for (let i = 0; i < 30; i++) {
    const [gx, gy] = forwardGcj(x, y);
    const dx = gx - lon;
    const dy = gy - lat;
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break;
    x -= dx;
    y -= dy;
  }
  return [x, y];
};

/** BD-09 → WGS84: BD-09 → GCJ-02 in closed form (gcoord), then the GCJ-02 inverse above. */
export const bd09ToWgs84: PositionFn = (lon, lat) => {
  const [gx, gy] = gcoord.transform([lon, lat], gcoord.BD09, gcoord.GCJ02) as [number, number];
  return gcj02ToWgs84(gx, gy);
};

/** WGS84 → GCJ-02, for exports meant to overlay Amap/Tencent maps. */
export const wgs84ToGcj02: PositionFn = (lon, lat) => gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];

/** WGS84 → BD-09, for exports meant to overlay Baidu maps. */
export const wgs84ToBd09: PositionFn = (lon, lat) => gcoord.transform([lon, lat], gcoord.WGS84, gcoord.BD09) as [number, number];

/** Converts a whole collection from a Chinese offset system to WGS84 (a new object; input untouched). */
export function chineseCrsToWgs84(fc: FeatureCollection, from: ChineseCrs): FeatureCollection {
  return mapFeatureCollection(fc, from === 'gcj02' ? gcj02ToWgs84 : bd09ToWgs84);
}

const fromWgs84 = (to: ChineseCrs): PositionFn => (to === 'gcj02' ? wgs84ToGcj02 : wgs84ToBd09);

/** Converts a whole WGS84 collection to a Chinese offset system (a new object; input untouched). */
export function wgs84ToChineseCrs(fc: FeatureCollection, to: ChineseCrs): FeatureCollection {
  return mapFeatureCollection(fc, fromWgs84(to));
}

/**
 * One feature of wgs84ToChineseCrs: the same conversion (geometry and `properties.entrances`),
 * for writers that convert feature by feature instead of holding the whole collection.
 */
export function wgs84ToChineseCrsFeature<F extends Feature>(f: F, to: ChineseCrs): F {
  return mapFeature(f, fromWgs84(to));
}
