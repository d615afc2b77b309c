// osmtogeojson 2.2 ships no types; only the Overpass-JSON entry LifeCircle uses is declared.
declare module 'osmtogeojson' {
  import type { FeatureCollection } from 'geojson';

  interface OsmToGeoJsonOptions {
    /** Merge tags and meta into properties (id becomes "way/123"). */
    flatProperties?: boolean;
    uninterestingTags?: Record<string, boolean> | ((tags: Record<string, string>, ignore: Record<string, unknown>) => boolean);
    polygonFeatures?: Record<string, unknown> | ((tags: Record<string, string>) => boolean);
    verbose?: boolean;
  }
  /** Converts Overpass JSON ({elements}) or an OSM XML DOM document to GeoJSON. */
  function osmtogeojson(data: unknown, options?: OsmToGeoJsonOptions): FeatureCollection;
  export default osmtogeojson;
}
