import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { mapGeometry, type PositionFn } from '../crs/mapCoordinates';
import { wgs84ToBd09, wgs84ToGcj02 } from '../crs/chineseCrs';
import { flatProperties } from './flatProperties';

/** Extra flat attributes per feature: keyed by the feature's `properties.id`, or computed. */
export type AttributeSource =
  | ReadonlyMap<string, Record<string, unknown>>
  | Readonly<Record<string, Record<string, unknown>>>
  | ((feature: Feature, index: number) => Record<string, unknown> | undefined);

export interface ExportGeoJsonOptions {
  /** Analysis attributes to add (flat names chosen by the caller, e.g. dist_kindergarten, ok_kindergarten, score). */
  attributes?: AttributeSource;
  /** Coordinate system of the output. 'gcj02'/'bd09' are for overlaying on Amap/Baidu. @default 'wgs84' */
  crs?: 'wgs84' | 'gcj02' | 'bd09';
  /** Decimal places of coordinates; omitted keeps full precision so export → import is exact. */
  precision?: number;
  /** Keep nested property values (arrays, objects) as they are; by default they are flattened (flatProperties). @default false */
  nested?: boolean;
  /** JSON indentation. @default 0 (compact) */
  indent?: number;
}

/** The attributes for one feature from any AttributeSource. */
export function attributesFor(src: AttributeSource | undefined, f: Feature, i: number): Record<string, unknown> | undefined {
  if (!src) return undefined;
  if (typeof src === 'function') return src(f, i);
  const id = f.properties?.id ?? f.id;
  if (id === undefined || id === null) return undefined;
  return src instanceof Map ? src.get(String(id)) : (src as Record<string, Record<string, unknown>>)[String(id)];
}

/** JSON-safe property values: non-finite numbers → null, dates → ISO date strings, undefined dropped. */
export function cleanValue(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  return v;
}

/** The position function for an export CRS (identity for WGS84), with optional rounding. */
export function exportPositionFn(crs: ExportGeoJsonOptions['crs'], precision?: number): PositionFn | null {
  const conv = crs === 'gcj02' ? wgs84ToGcj02 : crs === 'bd09' ? wgs84ToBd09 : null;
  if (!conv && precision === undefined) return null;
  const k = precision === undefined ? 0 : 10 ** precision;
  const round = (v: number): number => (precision === undefined ? v : Math.round(v * k) / k);
  return (x, y) => {
    const [a, b] = conv ? conv(x, y) : [x, y];
    return [round(a), round(b)];
  };
}

/**
 * A GeoJSON FeatureCollection as text: original properties plus the given analysis attributes
 * (attributes win on name clashes), flat (flatProperties: no arrays or objects besides the
 * geometry), optionally in GCJ-02/BD-09 or rounded. Importing the text
 * with readLayerFile gives back the same features and attributes (WGS84, full precision).
 */
export function exportGeoJson(fc: FeatureCollection, options: ExportGeoJsonOptions = {}): string {
  const fn = exportPositionFn(options.crs, options.precision);
  const features = fc.features.map((f, i): Feature => {
    const props: Record<string, unknown> = {};
    const merged = { ...(f.properties ?? {}), ...(attributesFor(options.attributes, f, i) ?? {}) };
    for (const [k, v] of Object.entries(options.nested ? merged : flatProperties(merged, fn))) {
      if (v !== undefined) props[k] = cleanValue(v);
    }
    const geometry = f.geometry && fn ? mapGeometry(f.geometry as Geometry, fn) : f.geometry;
    const out: Feature = { type: 'Feature', properties: props, geometry };
    if (f.id !== undefined) out.id = f.id;
    return out;
  });
  return JSON.stringify({ type: 'FeatureCollection', features }, null, options.indent ?? 0);
}
