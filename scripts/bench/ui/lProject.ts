import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { serializeProject, type ProjectLayer } from '../../../src/core/io';
import { normalizeLayer, type LayerKind } from '../../../src/core/model';
import { benchCategoryIds, benchRules } from '../benchRules';
import { generateSyntheticCity, SCALES, type ScaleName } from '../syntheticCity';

export interface LProject {
  file: string;
  communities: number;
  facilities: number;
  networkLines: number;
  nodes: number;
  megabytes: number;
}

/**
 * Writes the L synthetic city (the `npm run bench` city: SCALES.L, the 15 benchmark categories and
 * their rule set) as a project file, normalised the way the app normalises an import, so the
 * browser opens it through the app's own "open project" input.
 */
export function writeLProject(seed: number, scale: ScaleName = 'L'): LProject {
  const city = generateSyntheticCity({ ...SCALES[scale], categories: benchCategoryIds, seed });
  const layer = (kind: LayerKind, fc: FeatureCollection): ProjectLayer => ({
    kind,
    name: `synthetic-${scale}-${kind}.geojson`,
    source: 'file',
    fc: normalizeLayer(fc as FeatureCollection<Geometry>, kind),
  });
  const text = serializeProject({
    layers: [layer('network', city.network), layer('communities', city.communities), layer('facilities', city.facilities)],
    rules: benchRules,
    settings: {},
  });
  const file = join(mkdtempSync(join(tmpdir(), 'lifecircle-bench-ui-')), `synthetic-${scale}.lifecircle.json`);
  writeFileSync(file, text);
  return {
    file,
    communities: city.communities.features.length,
    facilities: city.facilities.features.length,
    networkLines: city.network.features.length,
    nodes: city.meta.side * city.meta.side,
    megabytes: Buffer.byteLength(text) / 1024 / 1024,
  };
}
