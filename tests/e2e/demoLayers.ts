import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { normalizeLayer, type LayerKind } from '../../src/core/model';

export type FC = FeatureCollection<Geometry, Record<string, unknown>>;

/** A demo layer as the app loads it (normalised the same way as loadDemo), for Node reference computations. */
export function demoLayer(kind: LayerKind, file: string = kind): FC {
  return normalizeLayer(JSON.parse(readFileSync(resolve(__dirname, '../../data/demo', `${file}.geojson`), 'utf8')), kind) as FC;
}
