import type { Feature, FeatureCollection } from 'geojson';
import type { RuleCategory } from '../../src/core/rules/types';
import { suggestFieldMapping } from '../../src/core/model/fieldAliases';

export interface UnknownCategory {
  /** The value as found in the file. */
  value: string;
  count: number;
  /** 0-based position in the imported collection of the first feature with it. */
  firstIndex: number;
  /** id or name of that feature, when it has one. */
  firstLabel: string | null;
}

export interface ResolvedCategories {
  /** The facilities with `properties.category` set to a rule-set id where one was recognised. */
  features: FeatureCollection;
  /** The property the categories were read from ('category', or an alias such as 类别). */
  field: string | null;
  /** Facilities with a category of the rule set. */
  usable: number;
  /** Features with no category value at all. */
  missing: { count: number; firstIndex: number };
  /** Category values the rule set does not know, most frequent first. */
  unknown: UnknownCategory[];
  /** Values recognised by a category's Chinese or English name rather than its id ("幼儿园" → kindergarten). */
  renamed: Record<string, string>;
}

const fold = (s: string): string => s.trim().toLowerCase().replace(/[\s_\-]+/g, ' ');

/**
 * Maps each facility's category onto a rule-set category id: `properties.category` (or the first
 * category alias column, e.g. 类别/type, when there is no `category`), matched against the ids,
 * then (ignoring case and separators) the Chinese and English names, then — segment by segment,
 * most specific last as in Amap types "科教文化服务;学校;小学" — names and the Chinese name patterns
 * that only one category uses. Unknown and missing values are counted for the warning and left
 * for the analysis to ignore. Input is not mutated.
 */
export function resolveFacilityCategories(fc: FeatureCollection, categories: readonly RuleCategory[]): ResolvedCategories {
  const byId = new Set(categories.map((c) => c.id));
  const byName = new Map<string, string>();
  for (const c of categories) {
    for (const n of [c.id, c.name_en, c.name_zh]) if (n && !byName.has(fold(n))) byName.set(fold(n), c.id);
  }
  // A Chinese name pattern identifies a category only when no other category uses it ('停车场' does not).
  const byPattern = new Map<string, string | null>();
  for (const c of categories) {
    for (const p of c.name_patterns_zh ?? []) byPattern.set(fold(p), byPattern.has(fold(p)) && byPattern.get(fold(p)) !== c.id ? null : c.id);
  }
  const lookup = (value: string): string | undefined => {
    if (byId.has(value)) return value;
    const direct = byName.get(fold(value));
    if (direct) return direct;
    // Amap/Baidu POI types are paths, most specific last: "科教文化服务;学校;小学"
    for (const seg of value.split(/[;；|/]/).map(fold).filter(Boolean).reverse()) {
      const id = byName.get(seg) ?? byPattern.get(seg);
      if (id) return id;
    }
    return undefined;
  };
  const keys = new Set<string>();
  for (const f of fc.features.slice(0, 500)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const field = keys.has('category') ? 'category' : suggestFieldMapping([...keys], 'facilities').category ?? null;

  const unknown = new Map<string, UnknownCategory>();
  const renamed: Record<string, string> = {};
  const missing = { count: 0, firstIndex: -1 };
  let usable = 0;
  const features = fc.features.map((f, i): Feature => {
    const props = f.properties ?? {};
    const raw = field ? props[field] : undefined;
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      if (missing.count++ === 0) missing.firstIndex = i;
      return f;
    }
    const value = String(raw);
    const id = lookup(value);
    if (id) {
      usable++;
      if (id !== value) renamed[value] = id;
      return id === props.category ? f : { ...f, properties: { ...props, category: id } };
    }
    const u = unknown.get(value);
    if (u) u.count++;
    else {
      const label = props.id ?? props.name ?? f.id;
      unknown.set(value, { value, count: 1, firstIndex: i, firstLabel: label == null ? null : String(label) });
    }
    return f;
  });
  return {
    features: { ...fc, features },
    field,
    usable,
    missing,
    unknown: [...unknown.values()].sort((a, b) => b.count - a.count || a.firstIndex - b.firstIndex),
    renamed,
  };
}
