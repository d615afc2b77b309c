import type { OsmTagMatch } from '../../rules/types';

/** What a tag alternative may ask beyond the tags themselves (the rule set's `_` hint keys). */
export interface MatchContext {
  /** The feature's name matches the category's Chinese name patterns (`_name_match`). */
  nameMatches: boolean;
  /** Polygon area in m², or null for points and lines (`_min_area_m2` then fails). */
  areaM2: () => number | null;
}

/** OSM values may be lists ("school;kindergarten"); any part matching counts. */
function valueMatches(actual: string | undefined, wanted: OsmTagMatch[string]): boolean {
  if (actual === undefined || actual === 'no') return false;
  if (wanted === '*') return true;
  const parts = actual.includes(';') ? actual.split(';').map((s) => s.trim()) : [actual];
  if (Array.isArray(wanted)) return wanted.some((w) => parts.includes(w) || w === actual);
  return parts.includes(String(wanted)) || actual === String(wanted);
}

/**
 * One alternative of the rule set's `osm_tags` (draft `osm_tags_semantics`): every key must match
 * (AND); an array value means any of those values; '*' any value; keys starting with '_' are
 * classifier hints: `_name_match: true` needs the name to match, `_min_area_m2` needs a polygon
 * at least that large.
 */
export function matchesAlternative(tags: Record<string, unknown>, alt: OsmTagMatch, ctx: MatchContext): boolean {
  let anyTag = false;
  for (const [k, v] of Object.entries(alt)) {
    if (k === '_name_match') {
      if (v === true && !ctx.nameMatches) return false;
      continue;
    }
    if (k === '_min_area_m2') {
      const a = ctx.areaM2();
      if (a === null || a < Number(v)) return false;
      continue;
    }
    if (k.startsWith('_')) continue;
    anyTag = true;
    const actual = tags[k];
    if (!valueMatches(typeof actual === 'string' ? actual : actual == null ? undefined : String(actual), v)) return false;
  }
  return anyTag;
}

/** The index of the first alternative that matches (OR), or -1. */
export function matchAlternatives(tags: Record<string, unknown>, alts: readonly OsmTagMatch[] | undefined, ctx: MatchContext): number {
  if (!alts) return -1;
  for (let i = 0; i < alts.length; i++) if (matchesAlternative(tags, alts[i] as OsmTagMatch, ctx)) return i;
  return -1;
}

/** The "key=value" pairs of the feature that an alternative matched on (for telling overlapping categories apart). */
export function matchedPairs(tags: Record<string, unknown>, alt: OsmTagMatch): string[] {
  return Object.keys(alt)
    .filter((k) => !k.startsWith('_'))
    .map((k) => `${k}=${String(tags[k])}`);
}

/** A feature's display name: Chinese first (name:zh, name:zh-Hans), then name, then English. */
export function osmName(tags: Record<string, unknown>): string | null {
  for (const k of ['name:zh', 'name:zh-Hans', 'name:zh-CN', 'name', 'name:en']) {
    const v = tags[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}
