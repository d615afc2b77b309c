import type { Feature, GeoJsonProperties } from 'geojson';
import type { IssueCollector } from '../issueCollector';
import { validateGeometry } from './validateGeometry';

/** A feature with the index it had in the file, so later checks can name it. */
export interface IndexedFeature {
  f: Feature;
  i: number;
}

/**
 * First pass over raw features: drops items that are not Features, features without geometry
 * (counted), GeometryCollections and invalid geometries (each counted with the first indices);
 * closes unclosed rings; gives every feature a properties object. Never mutates the input; a
 * feature that needs none of this is returned itself.
 */
export function cleanFeatures(raw: readonly unknown[], issues: IssueCollector): IndexedFeature[] {
  const out: IndexedFeature[] = [];
  let closed = 0;
  let firstClosed = -1;
  raw.forEach((item, i) => {
    if (!item || typeof item !== 'object' || (item as { type?: unknown }).type !== 'Feature') {
      issues.addFeature('invalid-geometry', i, { detail: 'the item is not a GeoJSON Feature', detail_zh: '该项不是 GeoJSON 要素（Feature）' });
      return;
    }
    const f = item as Feature;
    if (f.geometry == null) {
      issues.addFeature('null-geometry', i);
      return;
    }
    if (f.geometry.type === 'GeometryCollection') {
      issues.addFeature('geometry-collection', i);
      return;
    }
    const check = validateGeometry(f.geometry);
    if (check.error) {
      issues.addFeature('invalid-geometry', i, { detail: check.error, detail_zh: check.error_zh ?? check.error });
      return;
    }
    if (check.closedRings > 0) {
      closed += check.closedRings;
      if (firstClosed < 0) firstClosed = i;
    }
    const properties: GeoJsonProperties = f.properties && typeof f.properties === 'object' ? f.properties : {};
    // A feature that needs no change is taken as it is (not mutated; nothing downstream mutates
    // features): a copy of each would only give the garbage collector more live objects to move.
    const same = check.geometry === f.geometry && properties === f.properties;
    out.push({ f: same ? f : { ...f, geometry: check.geometry, properties }, i });
  });
  if (closed > 0) issues.add('ring-not-closed', { count: closed });
  return out;
}
