/**
 * The credit every OpenStreetMap-derived layer carries, wherever the app or the CLI shows or
 * exports it (ODbL 1.0 §4.3) — the one text for both.
 */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors, ODbL';

const HEAD = '{"type":"FeatureCollection",';

/**
 * Adds a top-level `attribution` member (e.g. "© OpenStreetMap contributors", as the ODbL asks for
 * derived data) to compact GeoJSON text from exportGeoJson, without re-serialising the features.
 * Text of another shape is parsed and written again.
 */
export function withAttribution(geojson: string, attribution: string | null | undefined): string {
  if (!attribution) return geojson;
  if (geojson.startsWith(HEAD)) return `${HEAD}"attribution":${JSON.stringify(attribution)},${geojson.slice(HEAD.length)}`;
  const value = JSON.parse(geojson) as Record<string, unknown>;
  return JSON.stringify({ type: value.type, attribution, ...value });
}
