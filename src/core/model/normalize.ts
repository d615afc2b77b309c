import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { LayerKind } from './layerKinds';
import { FIELD_ALIASES, suggestFieldMapping } from './fieldAliases';
import { readNumber, type NumberKind } from './parseNumber';

export interface NormalizeOptions {
  /** Explicit canonical → source-key mapping (from the field-mapping dialog); else suggested from aliases. */
  mapping?: Record<string, string | null>;
}

/** Numeric canonical fields and how their values are checked (counts: whole and ≥ 0; amounts: ≥ 0; years: 1800 … next year; parking lots' spaces are checked by the CLI's own stricter rule). */
export const NUMERIC_FIELDS: Readonly<Record<string, NumberKind>> = {
  households: 'count', population: 'amount', built_year: 'year', parking_spaces: 'count', capacity: 'amount', spaces: 'number', elderly_share: 'amount', levels: 'count',
};

export { parseNumber } from './parseNumber';

/** true/false from the usual spellings (是/否, yes/no, 1/0, 公共/私有 …); null when unreadable. */
export function parseBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', '是', '公共', '开放', 'public'].includes(s)) return true;
  if (['false', 'no', 'n', '0', '否', '私有', '不开放', 'private'].includes(s)) return false;
  return null;
}

/**
 * Puts a feature's properties into canonical form for its layer kind, keeping every original
 * property (the feature itself when nothing changes). Adds `id` when missing (kind prefix +
 * index). Nothing is derived from the rules here (no estimated population, no "is old"): those follow the rule set in force and are computed by
 * the analysis (core/rules/defaults estimatePopulation, core/model/oldCommunity isOld).
 */
export function normalizeFeature<G extends Geometry | null>(
  f: Feature<G, GeoJsonProperties>,
  kind: LayerKind,
  index: number,
  mapping: Record<string, string | null>,
): Feature<G, Record<string, unknown>> {
  const src = f.properties ?? {};
  // The copy is made at the first value that changes (setProp): a feature already in canonical
  // form (a layer the app or the CLI wrote, a tidy file) is returned itself, not copied.
  let props: Record<string, unknown> | null = null;
  for (const canonical of Object.keys(FIELD_ALIASES[kind])) {
    const key = mapping[canonical];
    if (!key || src[key] === undefined) continue;
    const raw = src[key];
    const numberKind = Object.hasOwn(NUMERIC_FIELDS, canonical) ? NUMERIC_FIELDS[canonical] : undefined;
    if (numberKind) {
      const r = readNumber(raw, numberKind);
      props = setProp(src, props, canonical, r.value);
      if (r.range) props = setProp(src, props, `${canonical}_range`, `${r.range[0]}-${r.range[1]}`);
      if (r.bound?.before) props = setProp(src, props, `${canonical}_before`, r.bound.before);
      if (r.bound?.after) props = setProp(src, props, `${canonical}_after`, r.bound.after);
    }
    else if (canonical === 'public') props = setProp(src, props, canonical, parseBool(raw) ?? true);
    else if (canonical === 'walkable') props = setProp(src, props, canonical, raw === false || raw === 'false' || raw === 'no' ? false : raw);
    else props = setProp(src, props, canonical, raw == null ? raw : String(raw));
  }
  const id = (props ?? src).id;
  if (id == null || id === '') props = setProp(src, props, 'id', f.id != null ? String(f.id) : `${kind}-${index + 1}`);
  return props === null ? (f as Feature<G, Record<string, unknown>>) : { ...f, properties: props };
}

/**
 * `props[key] = value` on the copy of `src` being made, which is made now when the value differs
 * from src's; returns the copy, or null while nothing has changed.
 */
function setProp(src: Record<string, unknown>, props: Record<string, unknown> | null, key: string, value: unknown): Record<string, unknown> | null {
  if (props === null) {
    if (Object.hasOwn(src, key) && Object.is(src[key], value)) return null;
    props = { ...src };
  }
  props[key] = value;
  return props;
}

/** Normalises a whole layer; the mapping is suggested from the first features' keys unless given. */
export function normalizeLayer<G extends Geometry | null>(
  fc: FeatureCollection<G>,
  kind: LayerKind,
  opts: NormalizeOptions = {},
): FeatureCollection<G, Record<string, unknown>> {
  const keys = new Set<string>();
  for (const f of fc.features.slice(0, 200)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const mapping = opts.mapping ?? suggestFieldMapping([...keys], kind);
  return { type: 'FeatureCollection', features: fc.features.map((f, i) => normalizeFeature(f, kind, i, mapping)) };
}
