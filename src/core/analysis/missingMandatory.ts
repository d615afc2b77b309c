/** The coverage arrays missingMandatory reads (a CoverageResult fits). */
export interface MissingMandatoryCoverage {
  communityCount: number;
  categoryIds: readonly string[];
  levelIds: readonly string[];
  /** 1 when covered, ok[k·C + c] */
  ok: ArrayLike<number>;
  stats: { levels: ReadonlyArray<{ id: string; mandatoryCategories: readonly string[] }> };
}

/** One level as counted: its mandatory categories in rule-set order. */
export interface MissingLevel {
  id: string;
  /** index into coverage.levelIds */
  l: number;
  /** mandatory category ids of the level */
  categories: string[];
  /** their indexes into coverage.categoryIds */
  k: number[];
}

export interface MissingMandatory {
  communityCount: number;
  /** the levels counted, in the order asked for */
  levels: MissingLevel[];
  /** mandatory categories not met, perLevel[i·C + c] for levels[i] */
  perLevel: Uint16Array;
  /** Σ over the counted levels */
  total: Uint16Array;
  /** Σ of mandatory categories over the counted levels (the most a community can miss) */
  mandatoryCount: number;
}

/**
 * Counts, per community, the mandatory categories it does not meet (ok = 0) in each of the given
 * levels and in total. Levels are not nested: a level's own mandatory categories only (DESIGN §4),
 * as listed by the analysis that produced `ok` (coverage.stats.levels), so the count always
 * matches the result even while the rule set is being edited. Unknown level ids are skipped.
 *
 * @param levelIds levels to count, in display order (e.g. 5min, 10min, 15min)
 */
export function missingMandatory(coverage: MissingMandatoryCoverage, levelIds: readonly string[]): MissingMandatory {
  const C = coverage.communityCount;
  const levels: MissingLevel[] = [];
  for (const id of levelIds) {
    const l = coverage.levelIds.indexOf(id);
    const st = coverage.stats.levels.find((x) => x.id === id);
    if (l < 0 || !st) continue;
    const categories: string[] = [];
    const k: number[] = [];
    for (const cat of st.mandatoryCategories) {
      const ki = coverage.categoryIds.indexOf(cat);
      if (ki < 0) continue;
      categories.push(cat);
      k.push(ki);
    }
    levels.push({ id, l, categories, k });
  }
  const perLevel = new Uint16Array(levels.length * C);
  const total = new Uint16Array(C);
  let mandatoryCount = 0;
  levels.forEach((lv, i) => {
    mandatoryCount += lv.k.length;
    const out = perLevel.subarray(i * C, (i + 1) * C);
    for (const k of lv.k) {
      const base = k * C;
      for (let c = 0; c < C; c++) if (!coverage.ok[base + c]) out[c]++;
    }
    for (let c = 0; c < C; c++) total[c] += out[c];
  });
  return { communityCount: C, levels, perLevel, total, mandatoryCount };
}
