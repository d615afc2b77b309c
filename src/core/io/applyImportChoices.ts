import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { normalizeLayer } from '../model/normalize';
import type { LayerKind } from '../model/layerKinds';

/** How a facility file's features get their rule-set category. */
export type CategoryChoice =
  /** Each distinct value of the mapped category column → a category id (null or absent: not loaded). */
  | { mode: 'values'; values: Readonly<Record<string, string | null>> }
  /** One category for the whole file. */
  | { mode: 'all'; category: string };

export interface ImportChoices {
  kind: LayerKind;
  /** Canonical field → source column (from the field-mapping dialog); else suggested from aliases. */
  mapping?: Record<string, string | null>;
  /** Facilities only. Without it the mapped category column is taken as rule-set ids. */
  category?: CategoryChoice;
}

export interface AppliedImport {
  fc: FeatureCollection<Geometry, Record<string, unknown>>;
  /** Facilities not loaded because their category value was not mapped to a category. */
  skipped: number;
}

/**
 * Turns the features the user confirmed in the import dialog into a canonical layer: the field
 * mapping through normalizeLayer (originals kept), then for facilities the category choice: values mapped per distinct value (the file's
 * own value kept as `category_raw` when it differs) or one category for all. Input not mutated.
 */
export function applyImportChoices(fc: FeatureCollection, choices: ImportChoices): AppliedImport {
  const normalized = normalizeLayer(fc as FeatureCollection<Geometry>, choices.kind, choices.mapping ? { mapping: choices.mapping } : {});
  const cat = choices.category;
  if (choices.kind !== 'facilities' || !cat) return { fc: normalized, skipped: 0 };

  const column = choices.mapping?.category ?? null;
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  let skipped = 0;
  for (const f of normalized.features) {
    const raw = column ? f.properties[column] : f.properties.category;
    const rawText = raw === null || raw === undefined ? '' : String(raw);
    const target = cat.mode === 'all' ? cat.category : cat.values[rawText] ?? null;
    if (!target) {
      skipped++;
      continue;
    }
    // a facility whose own category is already the rule-set id is kept as it is (no copy)
    if (Object.hasOwn(f.properties, 'category') && f.properties.category === target && rawText === target) {
      features.push(f);
      continue;
    }
    const props: Record<string, unknown> = { ...f.properties, category: target };
    if (rawText && rawText !== target) props.category_raw = rawText;
    features.push({ ...f, properties: props });
  }
  return { fc: { type: 'FeatureCollection', features }, skipped };
}
