import { EARTH_RADIUS_M } from './haversine';

const RAD = Math.PI / 180;
/** Metres per degree of latitude on the sphere of radius EARTH_RADIUS_M. */
export const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

/**
 * A local equirectangular frame (metres) over a study area: x = (lon − lon0)·kx, y = (lat − lat0)·ky.
 * Used only to find candidates in spatial indexes; every reported distance is then computed exactly
 * (haversine), so `maxScaleRatio` bounds how far planar distances in this frame can be from the truth.
 */
export interface LocalFrame {
  lon0: number;
  lat0: number;
  /** metres per degree of longitude at lat0 */
  kx: number;
  /** metres per degree of latitude */
  ky: number;
  /**
   * Upper bound of planar/true and true/planar distance ratios for points inside the frame's
   * extent (≥ 1): the x scale is exact only at lat0.
   */
  maxScaleRatio: number;
}

/** Builds the frame for a lon/lat extent (degrees). A degenerate extent is fine. */
export function createLocalFrame(minLon: number, minLat: number, maxLon: number, maxLat: number): LocalFrame {
  if (!(minLon <= maxLon) || !(minLat <= maxLat)) {
    minLon = minLat = maxLon = maxLat = 0;
  }
  const lat0 = (minLat + maxLat) / 2;
  const c0 = Math.cos(lat0 * RAD);
  // cos is smallest at the latitude farthest from the equator and largest at the nearest one
  const far = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const near = minLat <= 0 && maxLat >= 0 ? 0 : Math.min(Math.abs(minLat), Math.abs(maxLat));
  const cMin = Math.max(Math.cos(Math.min(far, 89.9) * RAD), 1e-6);
  const cMax = Math.cos(near * RAD);
  // small extra margin for the equirectangular approximation of long distances
  const maxScaleRatio = Math.max(c0 / cMin, cMax / c0) * 1.002;
  return { lon0: (minLon + maxLon) / 2, lat0, kx: METRES_PER_DEGREE * c0, ky: METRES_PER_DEGREE, maxScaleRatio };
}

/** Extent [minLon, minLat, maxLon, maxLat] of interleaved lon/lat arrays, skipping non-finite values. */
export function lonLatExtent(...arrays: Float64Array[]): [number, number, number, number] {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i + 1 < a.length; i += 2) {
      const lon = a[i], lat = a[i + 1];
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}
