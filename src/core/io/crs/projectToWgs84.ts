import proj4 from 'proj4';
import type { PositionFn } from './mapCoordinates';
import { gaussKrugerFromEpsg, gaussKrugerProj4 } from './gaussKruger';
import { bd09ToWgs84, gcj02ToWgs84 } from './chineseCrs';

const GEOGRAPHIC = new Set([4326, 4490, 4214, 4610, 4269, 4258, 4019, 4979]);

/**
 * A position function from a named source system to WGS84 lon/lat, or null when the system is
 * unknown. Accepts 'wgs84', 'gcj02', 'bd09', 'EPSG:3857' (and 900913/102100), the geographic codes
 * treated as WGS84 (4326, 4490 CGCS2000 ...), CGCS2000 Gauss-Krüger 4491–4554, or a proj4/WKT string.
 */
export function projectionToWgs84(source: string): PositionFn | null {
  const s = source.trim();
  const lower = s.toLowerCase();
  if (lower === 'wgs84' || lower === 'cgcs2000') return (x, y) => [x, y];
  if (lower === 'gcj02') return gcj02ToWgs84;
  if (lower === 'bd09') return bd09ToWgs84;
  const m = /^(?:urn:ogc:def:crs:)?epsg:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(s);
  if (m) {
    const code = Number(m[1]);
    if (GEOGRAPHIC.has(code)) return (x, y) => [x, y];
    if (code === 3857 || code === 900913 || code === 102100 || code === 3785) return fromProj4('EPSG:3857');
    const gk = gaussKrugerFromEpsg(code);
    if (gk) return fromProj4(gaussKrugerProj4(gk.centralMeridian, gk.falseEasting));
    return null;
  }
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
