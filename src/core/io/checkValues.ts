import type { Feature } from 'geojson';
import type { IssueCollector } from './issueCollector';
import { safeText } from './issueCollector';
import type { IndexedFeature } from './geojson/cleanFeatures';
import { suggestFieldMapping } from '../model/fieldAliases';
import type { LayerKind } from '../model/layerKinds';
import { NUMERIC_FIELDS } from '../model/normalize';
import { MIN_YEAR, maxYear, parseNumber, readNumber } from '../model/parseNumber';

const SHOWN_IDS = 5;

function label(f: Feature, idField: string | null | undefined, nameField: string | null | undefined): string {
  const p = f.properties ?? {};
  const v = (nameField && p[nameField]) ?? (idField && p[idField]) ?? f.id;
  return v == null || v === '' ? '' : ` "${safeText(v, 40)}"`;
}

/**
 * Checks the attribute values a layer kind's analysis reads (DESIGN §3, §8), after the mapping
 * suggested from its column names, and reports per feature in both languages:
 * - numbers no grammar of `readNumber` accounts for (kept, read as unknown),
 * - built years outside 1800 … next year, negative or fractional households: the value becomes
 *   unknown (null) — the original kept in `<column>_raw` — so no reader takes a wrong number,
 * - decades and ranges of years: the representative year is used, the span kept in
 *   `<canonical>_range` ("1988-1992"), a bound in `<canonical>_before` / `<canonical>_after`,
 * - ids that appear more than once (first few named, with the count).
 * Features keep their place; only their properties are replaced (copied, not mutated).
 */
export function checkValues(items: IndexedFeature[], kind: LayerKind | null | undefined, issues: IssueCollector): IndexedFeature[] {
  if (!kind || items.length === 0) return items;
  const keys = new Set<string>();
  for (const { f } of items.slice(0, 200)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const mapping = suggestFieldMapping([...keys], kind);
  // parking lots' spaces have their own stricter check (checkSpaces)
  const numeric = Object.keys(mapping).filter((c) => mapping[c] && Object.hasOwn(NUMERIC_FIELDS, c) && !(kind === 'parking' && c === 'spaces'));
  const now = new Date();
  const out = items.map((item) => {
    const { f, i } = item;
    let props: Record<string, unknown> | null = null;
    for (const canonical of numeric) {
      const column = mapping[canonical] as string;
      const raw = f.properties?.[column];
      if (raw === undefined || raw === null || raw === '') continue;
      const r = readNumber(raw, NUMERIC_FIELDS[canonical], now);
      if (!r.problem && !r.range && !r.bound) continue;
      const params = { field: column, value: safeText(raw, 40), name: label(f, mapping.id, mapping.name) };
      const set = (k: string, v: unknown): void => {
        props ??= { ...(f.properties ?? {}) };
        props[k] = v;
      };
      if (r.problem === 'unreadable') issues.addFeature('value-unreadable', i, params);
      else if (r.problem === 'year-out-of-range') issues.addFeature('year-out-of-range', i, { ...params, min: MIN_YEAR, max: maxYear(now) });
      else if (r.problem === 'negative' || r.problem === 'not-integer') issues.addFeature(r.problem === 'negative' ? 'count-negative' : 'count-not-integer', i, params);
      // Another reader (the analysis, the CLI) would take parseNumber's number: make it unknown.
      if (r.problem && parseNumber(raw) !== null) {
        set(`${column}_raw`, raw);
        set(column, null);
      }
      if (r.range) {
        set(`${canonical}_range`, `${r.range[0]}-${r.range[1]}`);
        issues.addFeature('year-range', i, { ...params, year: r.value as number });
      }
      if (r.bound?.before) set(`${canonical}_before`, r.bound.before);
      if (r.bound?.after) set(`${canonical}_after`, r.bound.after);
      if (r.bound) issues.addFeature('year-range', i, { ...params, year: r.value as number });
    }
    return props ? { f: { ...f, properties: props }, i } : item;
  });

  if (kind === 'parking') checkSpaces(out, mapping.spaces ?? null, mapping, issues);

  const idField = mapping.id;
  if (idField) {
    const seen = new Set<unknown>();
    const repeated = new Map<string, number>();
    for (const { f } of out) {
      const v = f.properties?.[idField];
      if (v === undefined || v === null || v === '') continue;
      const k = typeof v === 'number' ? String(v) : v;
      if (!seen.has(k)) seen.add(k);
      else repeated.set(String(k), (repeated.get(String(k)) ?? 1) + 1);
    }
    const dup = [...repeated];
    if (dup.length) {
      const ids = dup.slice(0, SHOWN_IDS).map(([k, n]) => `"${safeText(k, 30)}" ×${n}`).join(', ') + (dup.length > SHOWN_IDS ? ', …' : '');
      issues.add('duplicate-ids', { field: idField, count: dup.length, ids });
    }
  }
  return out;
}

/**
 * Parking lots' spaces (DESIGN §4 parking): a value that is not a number ≥ 0 is an error (a wrong
 * value would silently shrink or grow the supply); a lot without one is a warning (it adds none).
 */
function checkSpaces(items: IndexedFeature[], field: string | null, mapping: Record<string, string | null>, issues: IssueCollector): void {
  if (!field) return;
  for (const { f, i } of items) {
    const v = f.properties?.[field];
    const name = label(f, mapping.id, mapping.name);
    if (v === undefined || v === null || v === '') {
      issues.addFeature('parking-spaces-missing', i, { field, name });
      continue;
    }
    const x = parseNumber(v);
    if (x === null || x < 0) issues.addFeature('parking-spaces-invalid', i, { field, value: safeText(v, 40), name });
  }
}
