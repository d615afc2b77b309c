import { classifyOsm, type ClassifyOsmOptions, type OsmClassification } from './classifyOsm';
import { IssueCollector } from './issueCollector';
import { readLayerFile } from './readLayerFile';
import type { ImportIssue, ProgressFn } from './types';

export interface ImportOsmResult extends Partial<OsmClassification> {
  ok: boolean;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/**
 * One call for the CLI's `--osm` and the app's "import OSM extract": reads .osm / .osm.pbf /
 * Overpass JSON with readLayerFile, then classifyOsm splits it into network, communities,
 * facilities, parks and parking. `layers` and `counts` are absent when the file is unusable.
 */
export async function importOsm(
  name: string,
  input: Uint8Array | ArrayBuffer | string,
  options: ClassifyOsmOptions & { onProgress?: ProgressFn; maxFileBytes?: number } = {},
): Promise<ImportOsmResult> {
  const read = await readLayerFile(name, input, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
  });
  if (!read.ok) return { ok: false, errors: read.errors, warnings: read.warnings };
  const fmt = read.detected.format;
  if (fmt !== 'osm-xml' && fmt !== 'osm-pbf' && fmt !== 'overpass-json') {
    // A GeoJSON export of OSM (e.g. from overpass-turbo) carries tags as properties: classify it too.
    if (!read.features.features.some((f) => f.properties && ('highway' in f.properties || 'amenity' in f.properties || 'landuse' in f.properties))) {
      const issues = new IssueCollector(name);
      issues.add('not-osm', { format: fmt });
      return { ok: false, errors: issues.issues(), warnings: read.warnings };
    }
  }
  const c = classifyOsm(read.features, options);
  const warnings = [...read.warnings];
  if (c.buildingFallback > 0) {
    const issues = new IssueCollector(name);
    issues.add('osm-building-fallback', { count: c.buildingFallback });
    warnings.push(...issues.issues());
  }
  return { ok: true, errors: read.errors, warnings, ...c };
}
