import type { ParkThreshold, RuleCategory, RuleSet } from '.';
import { validateRuleSet, type RuleProblem } from '.';
import { checkParkThresholds } from '../analysis/parks';

/** A new category as the planner types it in. */
export interface CategoryDraft {
  id: string;
  name_zh: string;
  name_en: string;
  level: string;
  /** metres, or null for the level's walking distance */
  radius_m: number | null;
  mandatory: boolean;
}

/** One change a planner makes in the rule editor, the parks view or the parking view. */
export type RuleEdit =
  | { type: 'categoryRadius'; id: string; radius_m: number | null }
  | { type: 'categoryMandatory'; id: string; mandatory: boolean }
  /** a provision norm (千人指标), null to remove it; a planner's value is marked as theirs (app-convention) */
  | { type: 'categoryNorm'; id: string; per_1000: number | null; per?: 'residents' | 'elderly' }
  /** a planner's own check of the radius in force against the printed standard (null: withdraw it) */
  | { type: 'categoryUserVerified'; id: string; check: { by: string; date: string; clause: string; page: string; note: string } | null }
  /** facilities required within the radius, null for one */
  | { type: 'categoryMinCount'; id: string; min_count: number | null }
  | { type: 'levelWalk'; id: string; walk_m: number }
  | { type: 'addCategory'; category: CategoryDraft }
  | { type: 'parkThresholds'; thresholds: ParkThreshold[] }
  | { type: 'parking'; ratio_per_household?: number; search_radius_m?: number }
  /** save as a named rule set: a new id derived from the name and `now` (ms) */
  | { type: 'rename'; name: string; now: number };

export interface RuleEditResult {
  /** the edited rule set (a new object; the input is untouched), null when the edit is invalid */
  rules: RuleSet | null;
  /** what is wrong, with JSON paths into the edited rule set (e.g. $.categories[44].id) */
  problems: RuleProblem[];
}

/**
 * Applies one edit and validates the whole result with validateRuleSet (plus the park-threshold
 * checks of the analysis), so the store only ever holds a rule set the analysis accepts.
 */
export function applyRuleEdit(rules: RuleSet, edit: RuleEdit): RuleEditResult {
  const next = edited(rules, edit);
  if ('problems' in next) return { rules: null, problems: next.problems };
  const problems = validateRuleSet(next);
  if (edit.type === 'parkThresholds') {
    try {
      checkParkThresholds(edit.thresholds);
    } catch (e) {
      problems.push({ path: '$.parks.thresholds', message: (e as Error).message });
    }
  }
  return problems.length ? { rules: null, problems } : { rules: next, problems: [] };
}

function edited(rules: RuleSet, edit: RuleEdit): RuleSet | { problems: RuleProblem[] } {
  const missing = (what: string, id: string) => ({ problems: [{ path: '$', message: `no ${what} "${id}" in the rule set` }] });
  const mapCategory = (id: string, f: (c: RuleCategory) => RuleCategory) => {
    if (!rules.categories.some((c) => c.id === id)) return missing('category', id);
    return { ...rules, categories: rules.categories.map((c) => (c.id === id ? f(c) : c)) };
  };
  switch (edit.type) {
    case 'categoryRadius':
      return mapCategory(edit.id, (c) => ({
        ...c,
        // a planner's check was for the old value: another value clears it
        user_verified: c.user_verified && c.user_verified.value === edit.radius_m ? c.user_verified : null,
        radius_m: edit.radius_m,
        radius_kind: edit.radius_m === null ? 'level_default' : c.radius_kind === 'level_default' ? 'app_convention' : c.radius_kind,
      }));
    case 'categoryMandatory':
      return mapCategory(edit.id, (c) => ({ ...c, mandatory: edit.mandatory }));
    case 'categoryNorm':
      return mapCategory(edit.id, (c) => {
        if (edit.per_1000 === null) {
          const { norm: _drop, ...rest } = c;
          return rest;
        }
        const same = c.norm && c.norm.per_1000 === edit.per_1000 && (c.norm.per ?? 'residents') === (edit.per ?? c.norm.per ?? 'residents');
        return same ? c : { ...c, norm: { ...(c.norm ?? {}), per_1000: edit.per_1000, per: edit.per ?? c.norm?.per ?? 'residents', source: 'planner-defined', verification: 'app-convention' } };
      });
    case 'categoryUserVerified':
      return mapCategory(edit.id, (c) => ({ ...c, user_verified: edit.check ? { ...edit.check, value: c.radius_m } : null }));
    case 'categoryMinCount':
      return mapCategory(edit.id, (c) => {
        const { min_count: _drop, ...rest } = c;
        return edit.min_count === null || edit.min_count <= 1 ? rest : { ...rest, min_count: edit.min_count };
      });
    case 'levelWalk':
      if (!rules.levels.some((l) => l.id === edit.id)) return missing('level', edit.id);
      return { ...rules, levels: rules.levels.map((l) => (l.id === edit.id ? { ...l, walk_m: edit.walk_m } : l)) };
    case 'addCategory': {
      const d = edit.category;
      const at = `$.categories[${rules.categories.length}]`;
      const blank: RuleProblem[] = [];
      if (!d.name_zh.trim()) blank.push({ path: `${at}.name_zh`, message: 'give the category a Chinese name' });
      if (!d.name_en.trim()) blank.push({ path: `${at}.name_en`, message: 'give the category an English name' });
      if (blank.length) {
        // the schema problems too, so the editor shows every field's problem at once
        const rest = validateRuleSet({ ...rules, categories: [...rules.categories, category(d)] }).filter((p) => p.path.startsWith(at) && p.path !== at);
        return { problems: [...blank, ...rest] };
      }
      return { ...rules, categories: [...rules.categories, category(d)] };
    }
    case 'parkThresholds':
      return { ...rules, parks: { ...rules.parks, thresholds: edit.thresholds.map((t) => ({ ...t })) } };
    case 'parking': {
      const parking = { ...rules.parking };
      if (edit.ratio_per_household !== undefined) parking.ratio_per_household = edit.ratio_per_household;
      if (edit.search_radius_m !== undefined) parking.search_radius_m = edit.search_radius_m;
      return { ...rules, parking };
    }
    case 'rename': {
      const name = edit.name.trim();
      if (!name) return { problems: [{ path: '$.name', message: 'give the rule set a name' }] };
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
      return {
        ...rules,
        id: `custom-${slug ? slug + '-' : ''}${Math.floor(edit.now).toString(36)}`,
        name_zh: name,
        name_en: name,
        status: `custom, based on ${rules.id}`,
      };
    }
  }
}

function category(d: CategoryDraft): RuleCategory {
  return {
    id: d.id.trim(),
    name_zh: d.name_zh.trim(),
    name_en: d.name_en.trim(),
    level: d.level,
    radius_m: d.radius_m,
    radius_kind: d.radius_m === null ? 'level_default' : 'app_convention',
    mandatory: d.mandatory,
    source: 'planner-defined',
    verification: 'app-convention',
    custom: true,
  };
}

/** The field of a category draft a problem path points at (`$.categories[i].radius_m` → radius_m), if any. */
export function draftField(path: string): keyof CategoryDraft | null {
  const m = /^\$\.categories\[\d+\]\.(id|name_zh|name_en|level|radius_m|mandatory)$/.exec(path);
  return m ? (m[1] as keyof CategoryDraft) : null;
}
