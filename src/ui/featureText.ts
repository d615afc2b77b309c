import type { RuleSet } from '../core/rules';

/** A category's display name in the current language, falling back to its id. */
export function categoryName(rules: RuleSet, id: string, lang: string): string {
  const c = rules.categories.find((x) => x.id === id);
  if (!c) return id;
  return lang.startsWith('zh') ? c.name_zh : c.name_en;
}

/** Formats a number for people: thousands separators, no trailing noise. */
export function fmt(n: unknown, digits = 0): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  return n.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** A distance in metres in the UI language's one unit style ("240 米" / "240 m"; i18n key `metres`). */
export function metres(t: (key: string, options?: Record<string, unknown>) => string, d: number, digits = 0): string {
  return t('metres', { value: fmt(d, digits) });
}
