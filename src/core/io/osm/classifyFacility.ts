import type { RuleCategory } from '../../rules/types';
import { matchAlternatives, matchedPairs, type MatchContext } from './matchOsmTags';

/** One category an OSM feature serves, and what decided it. */
export interface FacilityMatch {
  category: string;
  /** 'tags': OSM tags alone; 'tags+name': tags and a Chinese name pattern; 'name': the name alone. */
  via: 'tags' | 'tags+name' | 'name';
}

/**
 * Name patterns that must NOT match although a category's pattern does: '高级中学' contains
 * '中学' but is a senior high school (the draft's note on middle_school).
 */
const NAME_EXCLUDES: Record<string, RegExp> = {
  middle_school: /高级中学|高中|大学|中学路|中学街/,
  primary_school: /小学路|小学街/,
};

/** Outdoor spaces: a building named "XX广场" is a mall, not a square. */
const OUTDOOR = new Set(['public_activity_ground', 'large_sports_ground', 'medium_sports_ground', 'small_sports_ground', 'outdoor_fitness', 'playground']);

/** Tags that make a named feature something other than a facility (a road, a district, a river ...). */
const NOT_A_FACILITY = ['highway', 'railway', 'waterway', 'boundary', 'route', 'place', 'natural', 'power', 'landuse'];

function nameMatchesCategory(name: string | null, c: RuleCategory): boolean {
  if (!name || !c.name_patterns_zh) return false;
  if (!c.name_patterns_zh.some((p) => name.includes(p))) return false;
  const ex = NAME_EXCLUDES[c.id];
  return !(ex && ex.test(name));
}

/**
 * The rule-set categories an OSM feature serves. Tags decide first (each category's `osm_tags`
 * alternatives minus `osm_exclude`). When several categories match on the same tag (a clinic is
 * a health centre, an outpatient department and a health station by tags alone), those whose
 * Chinese name patterns also match win over the tag-only ones ("社区卫生服务中心" → health_centre).
 * With no tag match, a named feature that is not a road, place or land use is classified by its
 * name alone ("XX幼儿园" tagged only building=yes).
 */
export function classifyFacility(
  tags: Record<string, unknown>,
  name: string | null,
  areaM2: () => number | null,
  categories: readonly RuleCategory[],
): FacilityMatch[] {
  const tagged: { c: RuleCategory; pairs: string[]; strong: boolean }[] = [];
  for (const c of categories) {
    const nameMatches = nameMatchesCategory(name, c);
    const ctx: MatchContext = { nameMatches, areaM2 };
    const i = matchAlternatives(tags, c.osm_tags, ctx);
    if (i < 0) continue;
    if (matchAlternatives(tags, c.osm_exclude, { nameMatches, areaM2 }) >= 0) continue;
    tagged.push({ c, pairs: matchedPairs(tags, c.osm_tags?.[i] ?? {}), strong: nameMatches });
  }
  if (tagged.length > 0) {
    const strong = tagged.filter((t) => t.strong);
    return tagged
      .filter((t) => t.strong || !strong.some((s) => s.pairs.some((p) => t.pairs.includes(p))))
      .map((t) => ({ category: t.c.id, via: t.strong ? 'tags+name' : 'tags' }));
  }
  if (!name || NOT_A_FACILITY.some((k) => tags[k] !== undefined)) return [];
  if (typeof tags.building === 'string' && ['residential', 'apartments', 'house', 'dormitory'].includes(tags.building)) return [];
  const isBuilding = tags.building !== undefined;
  return categories
    .filter((c) => nameMatchesCategory(name, c) && !(isBuilding && OUTDOOR.has(c.id)))
    .map((c) => ({ category: c.id, via: 'name' as const }));
}
