import gcoord from 'gcoord';
import type { FeatureCollection } from 'geojson';
import { mapFeatureCollection, type PositionFn } from './mapCoordinates';

/** The offset systems of Chinese web maps: GCJ-02 (Amap/高德, Tencent/腾讯) and BD-09 (Baidu/百度). */
export type ChineseCrs = 'gcj02' | 'bd09';

/**
 * GCJ-02 → WGS84. gcoord inverts the obfuscation by fixed-point iteration to 1e-6° (≈ 0.1 m), so
 * this is the exact inverse for practical purposes (tests check < 0.5 m against round trips and
 * published pairs). Outside China's bounding box positions are returned unchanged, like gcoord.
 */
export const gcj02ToWgs84: PositionFn = (lon, lat) => gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];

/** BD-09 → WGS84 (BD-09 → GCJ-02 closed form, then the GCJ-02 inverse). */
export const bd09ToWgs84: PositionFn = (lon, lat) => gcoord.transform([lon, lat], gcoord.BD09, gcoord.WGS84) as [number, number];

/** WGS84 → GCJ-02, for exports meant to overlay Amap/Tencent maps. */
export const wgs84ToGcj02: PositionFn = (lon, lat) => gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];

/** WGS84 → BD-09, for exports meant to overlay Baidu maps. */
export const wgs84ToBd09: PositionFn = (lon, lat) => gcoord.transform([lon, lat], gcoord.WGS84, gcoord.BD09) as [number, number];

/** Converts a whole collection from a Chinese offset system to WGS84 (a new object; input untouched). */
export function chineseCrsToWgs84(fc: FeatureCollection, from: ChineseCrs): FeatureCollection {
  return mapFeatureCollection(fc, from === 'gcj02' ? gcj02ToWgs84 : bd09ToWgs84);
}

/** Converts a whole WGS84 collection to a Chinese offset system (a new object; input untouched). */
export function wgs84ToChineseCrs(fc: FeatureCollection, to: ChineseCrs): FeatureCollection {
  return mapFeatureCollection(fc, to === 'gcj02' ? wgs84ToGcj02 : wgs84ToBd09);
}
