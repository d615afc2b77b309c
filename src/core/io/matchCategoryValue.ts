import type { RuleCategory } from '../rules/types';

type Cat = Pick<RuleCategory, 'id' | 'name_zh' | 'name_en' | 'name_patterns_zh'>;

const fold = (s: string): string => s.trim().toLowerCase().replace(/[\s_\-]+/g, ' ');

/** Separators of POI type paths (Amap/Baidu "科教文化服务;学校;小学"), most specific part last. */
const PATH_SEPARATORS = /[;；|/]/;

function bestMatch(v: string, categories: readonly Cat[]): { id: string | null; score: number } {
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
  return { id: best, score: bestScore };
}

/**
 * The rule-set category a facility file's own category value stands for ("幼儿园", "Kindergarten",
 * "kindergarten", "社区卫生服务站", "primary", "停车场", "科教文化服务;学校;小学" …) — the one matcher: the
 * app's import dialog pre-fills its suggestions with it (the planner confirms) and the CLI applies
 * it as is. Scores: the id or a name exactly (100), a Chinese name containing the value
 * (50 + its length), an English name containing it (40), a name pattern found in the value
 * (10 + the pattern's length, so the most specific pattern wins); ties go to the rule set's first.
 * A POI type path is matched part by part, most specific (last) first. Null when nothing matches.
 */
export function matchCategoryValue(value: unknown, categories: readonly Cat[]): string | null {
  if (value === null || value === undefined) return null;
  const v = fold(String(value));
  if (!v) return null;
  const whole = bestMatch(v, categories);
  if (whole.score >= 100 || !PATH_SEPARATORS.test(v)) return whole.id;
  const parts = v.split(PATH_SEPARATORS).map((s) => s.trim()).filter(Boolean).reverse();
  for (const part of parts) {
    const m = bestMatch(part, categories);
    if (m.id) return m.id;
  }
  return whole.id;
}
