import type { FeatureCollection } from 'geojson';
import type { RuleCategory } from '../rules/types';
import { suggestFieldMapping } from '../model/fieldAliases';
import { matchCategoryValue } from './matchCategoryValue';

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
  /** The property the categories are read from (the mapped category column: category, 类别, type …). */
  field: string | null;
  /** Each distinct value → the rule-set id it stands for, null when none (an import dialog's "values" choice). */
  values: Record<string, string | null>;
  /** Facilities with a category of the rule set. */
  usable: number;
  /** Features with no category value at all. */
  missing: { count: number; firstIndex: number };
  /** Category values the rule set does not know, most frequent first. */
  unknown: UnknownCategory[];
  /** Values recognised by a category's Chinese or English name rather than its id ("幼儿园" → kindergarten). */
  renamed: Record<string, string>;
}

/**
 * The category choice the importer makes on its own (the CLI, and the import dialog's
 * suggestions): every distinct value of the facilities' category column through the one matcher,
 * matchCategoryValue, and what it could not place — for the warnings. Rule-set ids are kept as
 * they are. `values` is applied by applyImportChoices exactly as the dialog's confirmed choice.
 */
export function resolveFacilityCategories(fc: FeatureCollection, categories: readonly RuleCategory[]): ResolvedCategories {
  const cache = new Map<string, string | null>();
  const lookup = (value: string): string | null => {
    let id = cache.get(value);
    if (id === undefined) cache.set(value, (id = matchCategoryValue(value, categories)));
    return id;
  };
  const keys = new Set<string>();
  for (const f of fc.features.slice(0, 500)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const field = suggestFieldMapping([...keys], 'facilities').category ?? null;

  const unknown = new Map<string, UnknownCategory>();
  // prototype-free: a value "__proto__" is a value like any other
  const renamed = Object.create(null) as Record<string, string>;
  const values = Object.create(null) as Record<string, string | null>;
  const missing = { count: 0, firstIndex: -1 };
  let usable = 0;
  fc.features.forEach((f, i) => {
    const props = f.properties ?? {};
    const raw = field ? props[field] : undefined;
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      if (missing.count++ === 0) missing.firstIndex = i;
      return;
    }
    const value = String(raw);
    const id = lookup(value);
    values[value] = id;
    if (id) {
      usable++;
      if (id !== value) renamed[value] = id;
      return;
    }
    const u = unknown.get(value);
    if (u) u.count++;
    else {
      const label = props.id ?? props.name ?? f.id;
      unknown.set(value, { value, count: 1, firstIndex: i, firstLabel: label == null ? null : String(label) });
    }
  });
  return {
    field,
    values,
    usable,
    missing,
    unknown: [...unknown.values()].sort((a, b) => b.count - a.count || a.firstIndex - b.firstIndex),
    renamed,
  };
}
