import type { Geometry } from 'geojson';

/** Decimals kept in edit coordinates: terra-draw rejects more than 9 (deps.md pitfall 7); 9 decimals ≈ 0.1 mm. */
export const EDIT_DECIMALS = 9;

const round = (v: number): number => Math.round(v * 1e9) / 1e9;

function roundDeep(c: unknown): unknown {
  if (typeof c === 'number') return round(c);
  return Array.isArray(c) ? c.map(roundDeep) : c;
}

/** A copy of the geometry with every coordinate rounded to EDIT_DECIMALS. */
export function roundCoordinates<G extends Geometry>(g: G): G {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(roundCoordinates) };
  return { ...g, coordinates: roundDeep((g as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates) } as G;
}
