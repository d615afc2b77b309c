/**
 * Names as planners' tables and boundary layers write them differently (DESIGN §3, issue 15):
 * full-width / half-width forms, spaces and punctuation, brackets, phases (一期, 二期, 1期, I期) and
 * the generic suffixes 小区 / 花园 / 家园 / 苑 (also 住宅小区, 新村, 公寓). `normalizeName` folds
 * all of them, so "阳光花园（一期）", "阳光 花园" and "阳光花园小区" all read "阳光".
 */

/** Generic endings, longest first; stripped repeatedly, never down to nothing. */
const SUFFIXES = ['住宅小区', '小区', '花园', '家园', '新村', '公寓', '苑'];
/** Phases: 一期, 二期 …, 1期, I期, 第一期, and the English "phase 2". */
const PHASE = /(第?[一二三四五六七八九十\d]+期|[ivx]+期|phase\s*\d+)/giu;
const BRACKETS = /[()（）[\]【】{}〔〕<>《》]/gu;
const PUNCTUATION = /[\s·•・\-—–_.,，。、'"“”‘’:：;；!！?？/\\|#＃]+/gu;

export function normalizeName(name: unknown): string {
  let s = looseName(name).replace(PHASE, '');
  for (let again = true; again; ) {
    again = false;
    for (const x of SUFFIXES) {
      if (s.length > x.length && s.endsWith(x)) {
        s = s.slice(0, -x.length);
        again = true;
        break;
      }
    }
  }
  return s;
}

/**
 * The name with only its writing folded (full/half width, case, spaces, punctuation, brackets),
 * phases and suffixes kept: "金陵新村（一期）" = "金陵新村一期", ≠ "金陵新村二期".
 */
export function looseName(name: unknown): string {
  if (name == null) return '';
  return String(name).normalize('NFKC').toLowerCase().replace(BRACKETS, '').replace(PUNCTUATION, '');
}

/** Character bigrams of a string (a one-character string is its own gram). */
function grams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/**
 * How alike two names are, 0–1, on their normalised forms: 1 when equal, else the Dice coefficient
 * of their character bigrams, and at least 0.8 when one contains the other (阳光 ⊂ 阳光城).
 */
export function nameSimilarity(a: unknown, b: unknown): number {
  const x = normalizeName(a), y = normalizeName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const gx = grams(x), gy = grams(y);
  const count = new Map<string, number>();
  for (const g of gx) count.set(g, (count.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of gy) {
    const n = count.get(g) ?? 0;
    if (n > 0) {
      common++;
      count.set(g, n - 1);
    }
  }
  const dice = (2 * common) / (gx.length + gy.length);
  return x.includes(y) || y.includes(x) ? Math.max(dice, 0.8) : dice;
}
