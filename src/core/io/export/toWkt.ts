import type { Geometry, Position } from 'geojson';

/** A geometry as WKT (POINT, LINESTRING, POLYGON and MULTI forms; '' for a GeometryCollection); parseWkt reads it back. */
export function toWkt(g: Geometry): string {
  const pos = (p: Position): string => `${p[0]} ${p[1]}`;
  const line = (l: Position[]): string => `(${l.map(pos).join(', ')})`;
  const poly = (r: Position[][]): string => `(${r.map(line).join(', ')})`;
  switch (g.type) {
    case 'Point':
      return `POINT (${pos(g.coordinates)})`;
    case 'MultiPoint':
      return `MULTIPOINT ${line(g.coordinates)}`;
    case 'LineString':
      return `LINESTRING ${line(g.coordinates)}`;
    case 'MultiLineString':
      return `MULTILINESTRING (${g.coordinates.map(line).join(', ')})`;
    case 'Polygon':
      return `POLYGON ${poly(g.coordinates)}`;
    case 'MultiPolygon':
      return `MULTIPOLYGON (${g.coordinates.map(poly).join(', ')})`;
    default:
      return '';
  }
}
