import proj4 from 'proj4';
import type { PositionFn } from './mapCoordinates';
import { crsToWgs84, parseCrsId } from './crsCatalog';
import { bd09ToWgs84, gcj02ToWgs84 } from './chineseCrs';

const GEOGRAPHIC = new Set([4326, 4490, 4214, 4610, 4269, 4258, 4019, 4979]);

/**
 * A position function from a named source system to WGS84 lon/lat, or null when the system is
 * unknown. Accepts 'wgs84', 'gcj02', 'bd09', 'EPSG:3857' (and 900913/102100), the geographic codes
 * treated as WGS84 (4326, 4490 CGCS2000 ...), every system of crsCatalog (EPSG codes of the
 * CGCS2000 / Xi'an 80 / Beijing 54 Gauss-Krüger families, 'gk3:117' style ids), or a proj4/WKT string.
 */
export function projectionToWgs84(source: string): PositionFn | null {
  const s = source.trim();
  const lower = s.toLowerCase();
  if (lower === 'wgs84' || lower === 'cgcs2000') return (x, y) => [x, y];
  if (lower === 'gcj02') return gcj02ToWgs84;
  if (lower === 'bd09') return bd09ToWgs84;
  const m = /^(?:urn:ogc:def:crs:)?epsg:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(s);
  if (m && GEOGRAPHIC.has(Number(m[1]))) return (x, y) => [x, y];
  const def = parseCrsId(s);
  if (def) return crsToWgs84(def);
  if (m) return null;
  if (lower === 'urn:ogc:def:crs:ogc:1.3:crs84' || lower === 'crs84') return (x, y) => [x, y];
  if (s.startsWith('+proj') || /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS)\[/i.test(s)) {
    try {
      return fromProj4(s);
    } catch {
      return null;
    }
  }
  return null;
}

function fromProj4(def: string): PositionFn {
  const conv = proj4(def, 'WGS84');
  return (x, y) => conv.forward([x, y]) as [number, number];
}

/** True when a .prj/WKT describes geographic (lon/lat) coordinates rather than a projection. */
export function isGeographicWkt(wkt: string): boolean {
  return /^\s*(GEOGCS|GEOGCRS|GEODCRS)\[/i.test(wkt);
}

/** The name inside a WKT, e.g. "CGCS2000_3_Degree_GK_Zone_38". */
export function wktName(wkt: string): string {
  const m = /^\s*\w+\["([^"]*)"/.exec(wkt);
  return m ? (m[1] as string) : 'unknown';
}
