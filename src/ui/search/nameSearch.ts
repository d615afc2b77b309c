import type { LoadedLayer } from '../../store/layersSlice';

/** A named feature the map search can find. */
export interface SearchEntry {
  kind: 'communities' | 'facilities';
  /** index in its layer */
  index: number;
  name: string;
  /** the name folded for matching (full-width → half-width, lower case, no spaces) */
  key: string;
  /** pinyin initials of the name ("jfxq" for 解放小区), once a converter has been supplied */
  initials?: string;
}

/** Folds full-width forms and case, and drops white space, so "ＡＢＣ 小区" finds "abc小区". */
export function foldName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The named communities and facilities of the loaded layers. */
export function searchEntries(layers: Partial<Record<'communities' | 'facilities', LoadedLayer>>): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (const kind of ['communities', 'facilities'] as const) {
    layers[kind]?.fc.features.forEach((f, index) => {
      const name = f.properties.name;
      if (f.geometry && name != null && String(name).trim()) out.push({ kind, index, name: String(name), key: foldName(String(name)) });
    });
  }
  return out;
}

/** Adds pinyin initials to every entry (`initials` gives the initials of one name, e.g. from pinyin-pro). */
export function addInitials(entries: SearchEntry[], initials: (name: string) => string): void {
  for (const e of entries) if (e.initials === undefined) e.initials = foldName(initials(e.name));
}

/**
 * Entries matching a query, best first: name starts with it, name contains it, pinyin initials
 * start with it, initials contain it; communities before facilities, then shorter names.
 */
export function searchNames(entries: readonly SearchEntry[], query: string, limit = 12): SearchEntry[] {
  const q = foldName(query);
  if (!q) return [];
  const scored: { e: SearchEntry; score: number }[] = [];
  for (const e of entries) {
    let score = -1;
    const at = e.key.indexOf(q);
    if (at === 0) score = 0;
    else if (at > 0) score = 1;
    else if (e.initials) {
      const i = e.initials.indexOf(q);
      if (i === 0) score = 2;
      else if (i > 0) score = 3;
    }
    if (score >= 0) scored.push({ e, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.e.kind === b.e.kind ? 0 : a.e.kind === 'communities' ? -1 : 1) || a.e.name.length - b.e.name.length);
  return scored.slice(0, limit).map((x) => x.e);
}
