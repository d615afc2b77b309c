/**
 * Reading numbers the way Chinese planning tables write them: "1.2万户", "１２００", "1,500户",
 * "约800户", "1998年", "八十年代", "90年代", "1988—1992年", "1990年前". One grammar, used by the
 * app's importer, the analysis and the CLI alike (DESIGN §8): a string is either read completely
 * by one of the rules below, or it is unknown (null) — never a number picked out of a phrase.
 */

/** What kind of value a field holds; decides the checks after reading. */
export type NumberKind =
  /** any number, negative included */
  | 'number'
  /** a number ≥ 0 (population, capacity, a share) */
  | 'amount'
  /** a whole number ≥ 0 (households, parking spaces) */
  | 'count'
  | 'year';

export type NumberProblem =
  /** Text none of the grammars account for (e.g. "八百户", "1,5", "见附表"). */
  | 'unreadable'
  /** A year outside 1800 … next year. */
  | 'year-out-of-range'
  /** A count or amount below 0. */
  | 'negative'
  /** A count that is not a whole number. */
  | 'not-integer';

export interface NumberReading {
  /** The number used by the analysis; null when empty or rejected. */
  value: number | null;
  /** Why a non-empty value was rejected. */
  problem?: NumberProblem;
  /** A decade or a range of years: the years it covers (value is its representative year). */
  range?: [number, number];
  /** "1990年前" (before) / "2000年后" (after): the bound as written; value is the nearest year inside. */
  bound?: { before?: number; after?: number };
}

/** The earliest built year accepted (older values are typos: 1098 for 1998, or 0 for unknown). */
export const MIN_YEAR = 1800;

/** The latest built year accepted: next year (projects finishing soon are listed with it). */
export function maxYear(now: Date = new Date()): number {
  return now.getFullYear() + 1;
}

const FULL_WIDTH: Record<string, string> = {
  '．': '.', '，': ',', '－': '-', '＋': '+', '％': '%', '～': '~', '（': '(', '）': ')', '　': ' ', '／': '/',
};

/** Full-width digits and punctuation to ASCII; every dash and 至/到 between numbers to "-". */
function canonical(s: string): string {
  if (!/[\uff00-\uffef\u3000]/.test(s)) return tidy(s);
  let t = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) t += String.fromCharCode(c - 0xff10 + 48);
    else t += FULL_WIDTH[ch] ?? ch;
  }
  return tidy(t);
}

function tidy(t: string): string {
  return t
    .trim()
    // a dash, tilde, 至 or 到 between two numbers is a range ("1988—1992", "1988 ~ 1992年")
    .replace(/(\d年?)\s*(?:[—–‐‑‒―−~〜-]|至|到)\s*(?=\d)/g, '$1-')
    .replace(/^[−]/, '-')
    // spaces between a number and its unit, or after 约, carry no meaning ("800 户"); between digits they do
    .replace(/(\d)\s+(?=[^\d\s.,+-])/g, '$1')
    .replace(/^(约|大约|约为|近|共|共计|合计|计|about|approx\.?|ca\.?)\s+/i, '$1');
}

/** Words before a number that keep its value: about, around, in total. */
const PREFIX = '(?:约|大约|约为|近|共|共计|合计|计|about|approx\\.?|ca\\.?)?';
/** Units after a count or measure. */
const UNIT = '(?:户|人|名|个|套|栋|幢|辆|位|个车位|车位|泊位|床|床位|张|座|处|间|所|层|楼|f|m|米|km|公里|m2|㎡|平方米|平米|%|岁)?';
/** 1234, 1,234,567 or 1234.5 (thousands separators only in groups of three). */
const NUM = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';

const PLAIN = new RegExp(`^${PREFIX}([-+]?)${NUM}([万千亿])?${UNIT}$`, 'i');
const MULT: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };

const CN_DIGIT: Record<string, number> = { 零: 0, '〇': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const CENTURY = '(?:上世纪|上个世纪|20世纪|二十世纪)?';
/** 1980年代 / 1980s / 1980's */
const DECADE4 = /^(?:(\d{3}0)(?:年代|'?s))$/i;
/** 80年代 / 80s / 上世纪80年代 */
const DECADE2 = new RegExp(`^${CENTURY}(\\d0)(?:年代|'?s)$`, 'i');
/** 八十年代 / 八零年代 / 上世纪八十年代 */
const DECADE_CN = new RegExp(`^${CENTURY}([一二三四五六七八九零〇])(?:十|零|〇)年代$`);
/** 1998年, 1998年建成, 1998年5月, 1998-05, 1998-05-01 (a plain 1998 is read as a number) */
const YEAR = /^(?:建于|建成于|约)?(\d{4})(?:年(?:\d{1,2}月(?:\d{1,2}[日号])?)?(?:建成|竣工|建)?|-\d{1,2}(?:-\d{1,2})?)$/;
/** 1988-1992, 1988-1992年, 1988年-1992年 */
const RANGE = /^(\d{4})年?-(\d{4})年?$/;
/** 1990年前 / 1990年以前 / 1990以前 / 2000年后 / 2000年以后 */
const BOUND = /^(\d{4})年?(以前|之前|前|以后|之后|后)$/;

function decadeStart(two: number): number | null {
  // Two digits name a decade without its century. 30–90 are the 1930s–1990s and 00/10 the 2000s/2010s;
  // "20年代" may be the 1920s or the 2020s: ambiguous, so unknown.
  if (two >= 30) return 1900 + two;
  if (two === 0 || two === 10) return 2000 + two;
  return null;
}

/**
 * A decade is represented by its middle year (start + 5: 1985 for 八十年代, 1995 for 90年代,
 * 2005 for 00年代) and a range by its middle (rounded down). The middle is off by at most half
 * the span, and — what matters for "old" (built before 2000) — every year of a decade lies on the
 * same side of a decade boundary as its middle, so 90年代 is old and 00年代 is not. A range that
 * crosses the boundary keeps its `range` so a reader can see it was not one year.
 */
function decade(start: number): NumberReading {
  return { value: start + 5, range: [start, start + 9] };
}

function readYearish(t: string): NumberReading | null {
  let m = DECADE4.exec(t);
  if (m) return decade(Number(m[1]));
  m = DECADE2.exec(t);
  if (m) {
    const s = decadeStart(Number(m[1]));
    return s === null ? { value: null, problem: 'unreadable' } : decade(s);
  }
  m = DECADE_CN.exec(t);
  if (m) {
    const s = decadeStart((CN_DIGIT[m[1] as string] ?? 0) * 10);
    return s === null ? { value: null, problem: 'unreadable' } : decade(s);
  }
  m = RANGE.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b < a) return { value: null, problem: 'unreadable' };
    return { value: Math.floor((a + b) / 2), range: [a, b] };
  }
  m = BOUND.exec(t);
  if (m) {
    const y = Number(m[1]);
    // The nearest year inside the bound: built before 1990 → 1989 at the latest.
    return /前/.test(m[2] as string) ? { value: y - 1, bound: { before: y } } : { value: y + 1, bound: { after: y } };
  }
  m = YEAR.exec(t);
  if (m) return { value: Number(m[1]) };
  return null;
}

function yearInRange(r: NumberReading, now: Date | undefined): NumberReading {
  const lo = r.range ? r.range[0] : r.bound?.before ?? r.bound?.after ?? r.value;
  const hi = r.range ? r.range[1] : r.bound?.before ?? r.bound?.after ?? r.value;
  if (lo === null || lo === undefined || hi === null || hi === undefined) return r;
  if (lo < MIN_YEAR || hi > maxYear(now)) return { value: null, problem: 'year-out-of-range' };
  return r;
}

/**
 * Reads one value as a number of the given kind. Empty values (null, '', '-', '无', 'N/A') give
 * `{ value: null }` without a problem; anything else either reads completely or comes back with
 * `value: null` and a problem. Counts must be whole and ≥ 0; years must lie in 1800 … next year
 * (a plain number in a year field is checked the same way).
 */
export function readNumber(v: unknown, kind: NumberKind = 'number', now?: Date): NumberReading {
  let r: NumberReading;
  let yearish = false;
  if (typeof v === 'number') r = Number.isFinite(v) ? { value: v } : { value: null, problem: 'unreadable' };
  else if (typeof v !== 'string') return { value: null, ...(v == null || typeof v === 'boolean' ? {} : { problem: 'unreadable' as const }) };
  else {
    // the common case first: a plain number in a text column
    if (/^-?\d{1,15}(\.\d+)?$/.test(v)) return checkKind({ value: Number(v) }, kind, false, now);
    const t = canonical(v);
    if (t === '' || /^(?:-|--|\/|无|暂无|不详|未知|n\/?a|null|none|nan)$/i.test(t)) return { value: null };
    const y = readYearish(t);
    yearish = y !== null;
    if (y) r = y.problem ? y : yearInRange(y, now);
    else {
      const m = PLAIN.exec(t);
      if (!m) return { value: null, problem: 'unreadable' };
      const x = Number((m[2] as string).replace(/,/g, '')) * (m[3] ? (MULT[m[3]] as number) : 1) * (m[1] === '-' ? -1 : 1);
      // 1.2万 = 12000 exactly, not 12000.000000000002
      r = { value: m[3] ? Math.round(x * 1e6) / 1e6 : x };
    }
  }
  return checkKind(r, kind, yearish, now);
}

function checkKind(r: NumberReading, kind: NumberKind, yearish: boolean, now: Date | undefined): NumberReading {
  if (r.value === null) return r;
  if (kind === 'year') {
    if (r.range || r.bound) return r;
    // 1998.5 is not a year (a decimal in a year column is another quantity)
    if (!Number.isInteger(r.value)) return { value: null, problem: 'unreadable' };
    return yearInRange(r, now);
  }
  if (kind === 'amount') {
    if (yearish) return { value: null, problem: 'unreadable' };
    if (r.value < 0) return { value: null, problem: 'negative' };
  }
  if (kind === 'count') {
    // "1998年" or "90年代" in a households column is not a count
    if (yearish) return { value: null, problem: 'unreadable' };
    if (r.value < 0) return { value: null, problem: 'negative' };
    if (!Number.isInteger(r.value)) return { value: null, problem: 'not-integer' };
  }
  return r;
}

/**
 * A number from a value as planners write it: "1,200", "1.2万户" (12000), "１２００", "约800户",
 * "1998年", "八十年代" (1985), "1988-1992" (1990); null when there is no number or the text is
 * not fully accounted for by one of the grammars of `readNumber`.
 */
export function parseNumber(v: unknown): number | null {
  return readNumber(v).value;
}
