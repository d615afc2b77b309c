import { detectFormat } from './detectFormat';
import { decodeText, looksBinary } from './decodeText';
import { IssueCollector } from './issueCollector';
import { parseJsonLayer, looksLikeHtml } from './geojson/parseJsonLayer';
import { cleanFeatures, type IndexedFeature } from './geojson/cleanFeatures';
import { readCsv } from './csv/readCsv';
import { readShapefileZip } from './shapefile/readShapefileZip';
import { readOsmXml } from './osm/readOsmXml';
import { readOsmPbf } from './osm/readOsmPbf';
import { osmToFeatures } from './osm/osmToFeatures';
import { OsmReadError, type OsmData } from './osm/osmTypes';
import { finishFeatures, type DeclaredCrs } from './finishFeatures';
import type { DetectedInfo, FileFormat, ImportStage, ReadLayerOptions, ReadLayerResult } from './types';

const MB = 1024 * 1024;

/** Whitespace only (checked on the first 64 KB; a longer blank file is caught as not JSON/CSV). */
function isBlank(input: Uint8Array | string): boolean {
  if (typeof input === 'string') return input.trim() === '';
  if (input.length > 65536) return false;
  return input.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09);
}

function emptyResult(format: FileFormat, issues: IssueCollector, encoding?: string): ReadLayerResult {
  const all = issues.issues();
  const detected: DetectedInfo = {
    format,
    crs: { source: 'wgs84', converted: false, swapped: false, suggestion: null, suggestionReasons: [] },
    kind: { guess: null, confidence: 0, reasons: [] },
    geometryTypes: {},
  };
  if (encoding) detected.encoding = encoding;
  return {
    ok: false,
    features: { type: 'FeatureCollection', features: [] },
    errors: all.filter((i) => i.severity === 'error'),
    warnings: all.filter((i) => i.severity !== 'error'),
    detected,
  };
}

/**
 * Reads one user file into WGS84 GeoJSON with a bilingual list of problems (DESIGN §8): GeoJSON
 * (collection, feature or bare geometry), CSV/TSV with coordinate columns, zipped Shapefile
 * (.prj honoured, DBF encoding from .cpg or detected GBK/UTF-8), OSM XML, OSM PBF and Overpass
 * JSON. Never throws for bad input: `ok` is false and `errors` say why, naming the file and
 * feature. Pure (no DOM): runs in Node and in a Web Worker; `onProgress` reports the stages.
 *
 * @param name the file's name (its extension guides the format; content sniffing decides when unclear)
 * @param input the file's bytes, or its text
 * @param options layer kind, source CRS ('auto' detects projected metres and swapped axes and
 *   only suggests GCJ-02/BD-09), repair, CSV columns, size limits (warn 100 MB, refuse 500 MB)
 */
export async function readLayerFile(name: string, input: Uint8Array | ArrayBuffer | string, options: ReadLayerOptions = {}): Promise<ReadLayerResult> {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  const progress = (stage: ImportStage, fraction: number): void => options.onProgress?.({ stage, fraction });
  const guess = detectFormat(name, bytes);
  const issues = new IssueCollector(name, guess.format === 'csv' ? 'row' : 'feature');
  const size = typeof bytes === 'string' ? bytes.length : bytes.byteLength;
  if (size === 0 || isBlank(bytes)) {
    issues.add('file-empty');
    return emptyResult(guess.format, issues);
  }
  if (guess.unsupported) {
    issues.add(guess.unsupported.code, guess.unsupported.params);
    return emptyResult(guess.format, issues);
  }
  const maxBytes = options.maxFileBytes ?? 500 * MB;
  if (size > maxBytes) {
    issues.add('file-too-large', { sizeMb: Math.round(size / MB), limitMb: Math.round(maxBytes / MB) });
    return emptyResult(guess.format, issues);
  }
  if (size > (options.hugeFileBytes ?? 100 * MB)) issues.add('huge-file', { sizeMb: Math.round(size / MB) });

  try {
    let raw: unknown[] = [];
    let indices: number[] | undefined;
    let declared: DeclaredCrs | null = null;
    let encoding: string | undefined;
    let format: FileFormat = guess.format;
    const detectedExtra: Partial<DetectedInfo> = {};
    let osm = false;
    let csvRows: number | null = null;

    const loadOsm = (data: OsmData): void => {
      const o = osmToFeatures(data);
      raw = o.fc.features;
      osm = true;
      detectedExtra.osmMissingNodeWays = o.missingNodeWays;
      if (o.missingNodeWays > 0) issues.add('osm-missing-nodes', { count: o.missingNodeWays });
    };

    if (format === 'shapefile-zip') {
      if (typeof bytes === 'string') {
        issues.add('bad-zip', { detail: 'received text, not bytes' });
        return emptyResult(format, issues);
      }
      // Inflating shares the file size limit: a 1 MB zip must not unpack 1 GB.
      const shp = await readShapefileZip(bytes, issues, options.shapefileLayer, maxBytes);
      if (shp.inner) {
        const inner = await readLayerFile(shp.inner.name, shp.inner.bytes, options);
        return { ...inner, errors: [...issues.issues().filter((i) => i.severity === 'error'), ...inner.errors], warnings: [...issues.issues().filter((i) => i.severity !== 'error'), ...inner.warnings] };
      }
      if (!shp.ok) return emptyResult(format, issues);
      raw = shp.features;
      declared = shp.declared;
      encoding = shp.encoding;
      detectedExtra.shapefileLayers = shp.layers;
    } else if (format === 'osm-pbf') {
      if (typeof bytes === 'string') {
        issues.add('osm-pbf-invalid', { detail: 'received text, not bytes' });
        return emptyResult(format, issues);
      }
      try {
        loadOsm(await readOsmPbf(bytes, (f) => progress('parse', f * 0.6)));
      } catch (e) {
        issues.add('osm-pbf-invalid', { detail: e instanceof OsmReadError ? e.message : 'damaged data' });
        return emptyResult(format, issues);
      }
    } else {
      if (typeof bytes !== 'string' && looksBinary(bytes)) {
        issues.add('not-text');
        return emptyResult(format, issues);
      }
      progress('decode', 0);
      const decoded = decodeText(bytes);
      encoding = decoded.encoding;
      if (decoded.fellBack) issues.add('text-encoding', { encoding: decoded.encoding.toUpperCase() });
      const text = decoded.text;
      if (looksLikeHtml(text)) {
        issues.add('html-page');
        return emptyResult(format, issues, encoding);
      }
      progress('parse', 0.1);
      if (format === 'csv') {
        const tsv = guess.ext === '.tsv';
        const csv = readCsv(text, issues, options.csvColumns ? { tsv, forced: options.csvColumns } : { tsv });
        if (!csv.ok) return emptyResult(format, issues, encoding);
        raw = csv.items.map((x) => x.f);
        csvRows = csv.rawCount;
        indices = csv.items.map((x) => x.i);
        if (csv.columns) {
          detectedExtra.csvColumns =
            csv.columns.kind === 'lonlat' ? { lon: csv.columns.lon, lat: csv.columns.lat } : { lon: csv.columns.column, lat: csv.columns.column };
        }
        if (raw.length === 0 && csv.rawCount > 0) {
          issues.add('no-usable-features', { total: csv.rawCount });
          return emptyResult(format, issues, encoding);
        }
      } else if (format === 'osm-xml') {
        try {
          loadOsm(readOsmXml(text, (f) => progress('parse', 0.1 + f * 0.5)));
        } catch (e) {
          if (e instanceof OsmReadError && e.truncated) issues.add('osm-truncated');
          else issues.add('osm-invalid-xml', { detail: e instanceof Error ? e.message : 'unreadable' });
          return emptyResult(format, issues, encoding);
        }
      } else {
        const parsed = parseJsonLayer(text, issues);
        if (parsed.kind === 'failed') return emptyResult('geojson', issues, encoding);
        if (parsed.kind === 'overpass') {
          format = 'overpass-json';
          loadOsm(parsed.data as OsmData);
        } else {
          format = 'geojson';
          raw = parsed.fc.features;
          if (parsed.crsName) declared = { source: parsed.crsName, name: parsed.crsName, origin: 'crs-member' };
        }
      }
    }

    progress('validate', 0.6);
    let items: IndexedFeature[] = cleanFeatures(raw, issues);
    if (indices) {
      const idx = indices;
      items = items.map((it) => ({ f: it.f, i: idx[it.i] as number }));
    }
    progress('convert', 0.7);
    const rawCount = csvRows ?? raw.length;
    const fin = finishFeatures(items, {
      fileName: name,
      // OSM is WGS84 by definition; classification, not a layer kind, splits it.
      options: osm ? { ...options, crs: 'wgs84', kind: undefined, repairSelfIntersections: false } : options,
      issues,
      rawCount,
      declared,
      skipMixedCheck: osm,
      skipSelfIntersections: osm,
    });
    progress('done', 1);
    const all = issues.issues();
    const errors = all.filter((i) => i.severity === 'error');
    const detected: DetectedInfo = {
      format,
      crs: fin.crs,
      kind: osm ? { guess: null, confidence: 0, reasons: ['OpenStreetMap extract: classify it into all layers (classifyOsm)'] } : fin.kind,
      geometryTypes: fin.geometryTypes,
      ...detectedExtra,
    };
    if (encoding) detected.encoding = encoding;
    return {
      ok: errors.length === 0 && fin.features.features.length > 0,
      features: errors.length === 0 ? fin.features : { type: 'FeatureCollection', features: [] },
      errors,
      warnings: all.filter((i) => i.severity !== 'error'),
      detected,
    };
  } catch (e) {
    issues.add('internal-error', { detail: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200) });
    return emptyResult(guess.format, issues);
  }
}
