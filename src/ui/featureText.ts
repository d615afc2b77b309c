import type { RuleSet } from '../core/rules';

/** A category's display name in the current language, falling back to its id. */
export function categoryName(rules: RuleSet, id: string, lang: string): string {
  const c = rules.categories.find((x) => x.id === id);
  if (!c) return id;
  return lang.startsWith('zh') ? c.name_zh : c.name_en;
}

// One formatter per number of digits: toLocaleString with options builds a new Intl.NumberFormat on
// every call (30–100 ms per render of the parks and parking tables, npm run bench:ui).
const formatters = new Map<number, Intl.NumberFormat>();

/** Formats a number for people: thousands separators, no trailing noise. */
export function fmt(n: unknown, digits = 0): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits })));
  return f.format(n);
}

/** A distance in metres in the UI language's one unit style ("240 米" / "240 m"; i18n key `metres`). */
export function metres(t: (key: string, options?: Record<string, unknown>) => string, d: number, digits = 0): string {
  return t('metres', { value: fmt(d, digits) });
}
