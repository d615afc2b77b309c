/**
 * Serialises the demo to the committed files: fixed key order, one feature per
 * line (small diffs when the generator changes), a trailing newline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { DemoData } from './generateDemo';

/** File name → content, for every file under data/demo/. */
export function serializeDemo(data: DemoData): Record<string, string> {
  return {
    'meta.json': `${JSON.stringify(data.meta, null, 2)}\n`,
    'network.geojson': featureLines(data.network),
    'communities.geojson': featureLines(data.communities),
    'parks.geojson': featureLines(data.parks),
    'parking.geojson': featureLines(data.parking),
    'facilities.geojson': featureLines(data.facilities),
    'water.geojson': featureLines(data.water),
  };
}

function featureLines(fc: FeatureCollection): string {
  return `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** Writes every demo file into `dir` (created when missing). */
export function writeDemo(dir: string, data: DemoData): string[] {
  mkdirSync(dir, { recursive: true });
  const files = serializeDemo(data);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return Object.keys(files);
}
