import type { Geometry, Position } from 'geojson';

/**
 * Parses the WKT geometries GIS tools write into CSV (POINT, LINESTRING, POLYGON and their MULTI
 * forms, optional Z/M and SRID=…; prefix); null when the text is not one of them.
 */
export function parseWkt(text: string): Geometry | null {
  const s = text.trim().replace(/^SRID=\d+;/i, '');
  const m = /^(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(?:Z|M|ZM)?\s*(\(.*\))$/is.exec(s);
  if (!m) return null;
  const type = (m[1] as string).toUpperCase();
  let nested: unknown;
  try {
    // "(1 2, 3 4)" → "[[1,2],[3,4]]": positions become arrays, parentheses become brackets.
    const json = (m[2] as string)
      .replace(/(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?:\s+(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))+/g, (pos) => `[${pos.trim().split(/\s+/).join(',')}]`)
      .replace(/\(/g, '[')
      .replace(/\)/g, ']');
    nested = JSON.parse(json);
  } catch {
    return null;
  }
  const arr = nested as unknown[];
  switch (type) {
    case 'POINT':
      return { type: 'Point', coordinates: arr[0] as Position };
    case 'LINESTRING':
      return { type: 'LineString', coordinates: arr as Position[] };
    case 'POLYGON':
      return { type: 'Polygon', coordinates: arr as Position[][] };
    case 'MULTIPOINT':
      // Both "MULTIPOINT (1 2, 3 4)" and "MULTIPOINT ((1 2), (3 4))" occur.
      return { type: 'MultiPoint', coordinates: arr.map((p) => (Array.isArray((p as unknown[])[0]) ? (p as Position[])[0] : p) as Position) };
    case 'MULTILINESTRING':
      return { type: 'MultiLineString', coordinates: arr as Position[][] };
    case 'MULTIPOLYGON':
      return { type: 'MultiPolygon', coordinates: arr as Position[][][] };
  }
  return null;
}
