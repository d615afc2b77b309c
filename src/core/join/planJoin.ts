import { looseName, nameSimilarity, normalizeName } from './normalizeName';

/** What a row or feature is matched by. */
export interface JoinKey {
  id?: unknown;
  name?: unknown;
}

export interface JoinCandidate {
  feature: number;
  /** 0–1 */
  score: number;
}

/** A row matched without asking: by id, by the same name, or the same normalised name (unique). */
export interface JoinMatch {
  row: number;
  feature: number;
  score: number;
  how: 'id' | 'exact' | 'normalized';
}

/** A row the planner must decide: near names, several features of one name, or a feature two rows claim. */
export interface JoinReview {
  row: number;
  reason: 'similar' | 'ambiguous' | 'conflict';
  /** best first */
  candidates: JoinCandidate[];
}

export interface JoinPlan {
  matches: JoinMatch[];
  review: JoinReview[];
  /** rows with no feature within the similarity threshold */
  unmatchedRows: number[];
  /** features no match uses (review candidates included until confirmed) */
  unmatchedFeatures: number[];
}

export interface PlanJoinOptions {
  /** 'id': ids only; 'name': names only; 'auto' (default): ids where both sides have one, else names */
  on?: 'id' | 'name' | 'auto';
  /** lowest similarity listed for review @default 0.5 */
  threshold?: number;
  /** candidates listed per row @default 3 */
  maxCandidates?: number;
}

const text = (v: unknown): string => (v == null ? '' : String(v).trim());

/** Character bigrams of a normalised name, for the candidate index. */
function grams(s: string): string[] {
  const c = [...s];
  if (c.length < 2) return c;
  return c.slice(0, -1).map((x, i) => x + c[i + 1]);
}

/**
 * Matches the rows of an attribute table (a 小区 list from the housing bureau) to the features of a
 * layer (issue 15): by id where asked, else by name — the same name, else the same normalised name
 * (normalizeName: full/half width, spaces, brackets, 一期/二期, 小区/花园/家园/苑) when unique —
 * or written differently (looseName: width, spaces, brackets) — one row per feature. Everything else goes to the planner: near names (nameSimilarity ≥ the
 * threshold, best first), names several features share, features two rows claim. Candidates come
 * from a bigram index, so large tables do not compare every pair.
 */
export function planJoin(rows: readonly JoinKey[], features: readonly JoinKey[], options: PlanJoinOptions = {}): JoinPlan {
  const on = options.on ?? 'auto';
  const threshold = options.threshold ?? 0.5;
  const maxCandidates = options.maxCandidates ?? 3;
  const proposed: (Omit<JoinMatch, 'row'> | null)[] = rows.map(() => null);
  const review: JoinReview[] = [];
  const unmatchedRows: number[] = [];

  const byId = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const byLoose = new Map<string, number[]>();
  const byNorm = new Map<string, number[]>();
  const byGram = new Map<string, number[]>();
  const norm = features.map((f) => normalizeName(f.name));
  const add = (m: Map<string, number[]>, k: string, i: number) => {
    if (!k) return;
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  };
  features.forEach((f, i) => {
    add(byId, text(f.id), i);
    add(byName, text(f.name), i);
    add(byLoose, looseName(f.name), i);
    add(byNorm, norm[i], i);
    for (const g of new Set(grams(norm[i]))) add(byGram, g, i);
  });
  const useIds = on === 'id' || (on === 'auto' && rows.some((r) => byId.has(text(r.id))));

  rows.forEach((r, row) => {
    if (useIds) {
      const hit = byId.get(text(r.id));
      if (hit?.length === 1) return void (proposed[row] = { feature: hit[0], score: 1, how: 'id' });
      if (on === 'id') return void unmatchedRows.push(row);
    }
    const exact = byName.get(text(r.name));
    if (exact?.length === 1) return void (proposed[row] = { feature: exact[0], score: 1, how: 'exact' });
    if (exact && exact.length > 1) return void review.push({ row, reason: 'ambiguous', candidates: exact.map((feature) => ({ feature, score: 1 })) });
    // the same name but for its writing (width, spaces, brackets): still one compound
    const loose = byLoose.get(looseName(r.name));
    if (loose?.length === 1) return void (proposed[row] = { feature: loose[0], score: 0.98, how: 'normalized' });
    const n = normalizeName(r.name);
    const same = byNorm.get(n);
    if (same?.length === 1) return void (proposed[row] = { feature: same[0], score: 0.95, how: 'normalized' });
    if (same && same.length > 1) return void review.push({ row, reason: 'ambiguous', candidates: same.map((feature) => ({ feature, score: 0.95 })) });
    // near names: features sharing a bigram, scored
    const seen = new Set<number>();
    for (const g of grams(n)) for (const i of byGram.get(g) ?? []) seen.add(i);
    const candidates = [...seen]
      .map((feature) => ({ feature, score: nameSimilarity(r.name, features[feature].name) }))
      .filter((c) => c.score >= threshold)
      .sort((a, b) => b.score - a.score || a.feature - b.feature)
      .slice(0, maxCandidates);
    if (candidates.length) review.push({ row, reason: 'similar', candidates });
    else unmatchedRows.push(row);
  });

  // one row per feature: a feature two rows claim goes to the planner with both rows
  const claims = new Map<number, number[]>();
  proposed.forEach((p, row) => p && claims.set(p.feature, [...(claims.get(p.feature) ?? []), row]));
  const matches: JoinMatch[] = [];
  proposed.forEach((p, row) => {
    if (!p) return;
    if (claims.get(p.feature)!.length > 1) review.push({ row, reason: 'conflict', candidates: [{ feature: p.feature, score: p.score }] });
    else matches.push({ row, ...p });
  });
  review.sort((a, b) => a.row - b.row);
  const used = new Set(matches.map((m) => m.feature));
  const unmatchedFeatures = features.map((_, i) => i).filter((i) => !used.has(i));
  return { matches, review, unmatchedRows, unmatchedFeatures };
}
