/** The coverage arrays missingMandatory reads (a CoverageResult fits). */
export interface MissingMandatoryCoverage {
  communityCount: number;
  categoryIds: readonly string[];
  levelIds: readonly string[];
  /** 1 when covered, ok[k·C + c] */
  ok: ArrayLike<number>;
  stats: { levels: ReadonlyArray<LevelMandatory> };
}

/** A level's mandatory categories as the analysis listed them (LevelCoverageStats fits). */
export interface LevelMandatory {
  id: string;
  mandatoryCategories: readonly string[];
  /** the ones the counts use (noDataPolicy); all mandatory ones when absent */
  countedCategories?: readonly string[];
}

/** The mandatory categories of a level that count as gaps under the analysis' no-data policy. */
export function countedMandatory(level: LevelMandatory): readonly string[] {
  return level.countedCategories ?? level.mandatoryCategories;
}

/** One level as counted: its mandatory categories in rule-set order. */
export interface MissingLevel {
  id: string;
  /** index into coverage.levelIds */
  l: number;
  /** mandatory category ids of the level (all of them, for display) */
  categories: string[];
  /** their indexes into coverage.categoryIds */
  k: number[];
  /** per category: 1 when it counts as a gap when not met (0: no data, not counted; see noDataPolicy) */
  counted: boolean[];
  /** how many categories count (the most a community can miss in this level) */
  countedCount: number;
}

export interface MissingMandatory {
  communityCount: number;
  /** the levels counted, in the order asked for */
  levels: MissingLevel[];
  /** mandatory categories not met, perLevel[i·C + c] for levels[i] */
  perLevel: Uint16Array;
  /** Σ over the counted levels */
  total: Uint16Array;
  /** Σ of counted mandatory categories over the counted levels (the most a community can miss) */
  mandatoryCount: number;
}

/**
 * Counts, per community, the mandatory categories it does not meet (ok = 0) in each of the given
 * levels and in total. Levels are not nested: a level's own mandatory categories only (DESIGN §4),
 * as listed by the analysis that produced `ok` (coverage.stats.levels), so the count always
 * matches the result even while the rule set is being edited. Unknown level ids are skipped.
 * Categories without data count only when the analysis' no-data policy says so (countedMandatory).
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
    const countedIds = countedMandatory(st);
    const categories: string[] = [];
    const k: number[] = [];
    const counted: boolean[] = [];
    for (const cat of st.mandatoryCategories) {
      const ki = coverage.categoryIds.indexOf(cat);
      if (ki < 0) continue;
      categories.push(cat);
      k.push(ki);
      counted.push(countedIds.includes(cat));
    }
    levels.push({ id, l, categories, k, counted, countedCount: counted.filter(Boolean).length });
  }
  const perLevel = new Uint16Array(levels.length * C);
  const total = new Uint16Array(C);
  let mandatoryCount = 0;
  levels.forEach((lv, i) => {
    mandatoryCount += lv.countedCount;
    const out = perLevel.subarray(i * C, (i + 1) * C);
    for (let j = 0; j < lv.k.length; j++) {
      if (!lv.counted[j]) continue;
      const base = lv.k[j] * C;
      for (let c = 0; c < C; c++) if (!coverage.ok[base + c]) out[c]++;
    }
    for (let c = 0; c < C; c++) total[c] += out[c];
  });
  return { communityCount: C, levels, perLevel, total, mandatoryCount };
}
