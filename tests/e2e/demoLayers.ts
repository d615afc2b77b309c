import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { normalizeLayer, type LayerKind } from '../../src/core/model';
import { defaultRules } from '../../src/core/rules/defaultRules';

export type FC = FeatureCollection<Geometry, Record<string, unknown>>;

/** A demo layer as the app loads it (normalised the same way as loadDemo), for Node reference computations. */
export function demoLayer(kind: LayerKind, file: string = kind): FC {
  return normalizeLayer(JSON.parse(readFileSync(resolve(__dirname, '../../data/demo', `${file}.geojson`), 'utf8')), kind, {
    personsPerHousehold: defaultRules.persons_per_household,
    oldBeforeYear: defaultRules.old_before_year,
  }) as FC;
}
