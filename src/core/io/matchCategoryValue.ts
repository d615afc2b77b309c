import type { RuleCategory } from '../rules/types';

type Cat = Pick<RuleCategory, 'id' | 'name_zh' | 'name_en' | 'name_patterns_zh'>;

const fold = (s: string): string => s.trim().toLowerCase().replace(/[\s_\-]+/g, ' ');

/**
 * Suggests the rule-set category a facility file's own category value stands for ("幼儿园",
 * "Kindergarten", "kindergarten", "社区卫生服务站" ...), for the import dialog to pre-fill; the
 * planner confirms. Scores: the id or a name exactly (100), a Chinese name containing the value
 * (50 + its length), an English name containing it (40), a name pattern found in the value
 * (10 + the pattern's length, so the most specific pattern wins). Null when nothing matches.
 */
export function matchCategoryValue(value: unknown, categories: readonly Cat[]): string | null {
  if (value === null || value === undefined) return null;
  const v = fold(String(value));
  if (!v) return null;
  let best: string | null = null;
  let bestScore = 0;
  for (const c of categories) {
    let s = 0;
    const zh = fold(c.name_zh);
    const en = fold(c.name_en);
    if (v === fold(c.id) || v === zh || v === en) s = 100;
    else if (v.length >= 2 && zh.includes(v)) s = 50 + v.length;
    else if (v.length >= 4 && en.includes(v)) s = 40;
    else {
      for (const p of c.name_patterns_zh ?? []) if (v.includes(fold(p))) s = Math.max(s, 10 + p.length);
    }
    if (s > bestScore) {
      bestScore = s;
      best = c.id;
    }
  }
  return best;
}
