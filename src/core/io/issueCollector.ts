import type { Language } from '../messages/language';
import { ISSUE_CATALOG, issueText, type IssueCode } from './issueCatalog';
import type { ImportIssue, IssueSeverity } from './types';

type Params = Record<string, string | number>;

/** How per-feature locations are shown: GeoJSON features (1-based) or CSV rows (spreadsheet row numbers). */
export type LocationUnit = 'feature' | 'row' | 'way';

const MAX_INDICES = 20;

interface Pending {
  code: IssueCode;
  severity: IssueSeverity;
  params: Params;
  indices: number[];
  count: number;
  perFeature: boolean;
}

/** Strips control characters and caps length so a hostile name cannot flood a message. */
export function safeText(s: unknown, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const t = String(s).replace(/[\u0000-\u001f\u007f]/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function locationLabel(unit: LocationUnit, indices: number[], count: number, lang: 'en' | 'zh'): string {
  if (indices.length === 0) return '';
  const shown = indices.slice(0, 5).map((i) => (unit === 'row' ? i + 2 : i + 1));
  const more = count > shown.length ? '…' : '';
  const list = shown.join(', ') + more;
  if (lang === 'en') {
    const noun = unit === 'row' ? 'row' : unit === 'way' ? 'way' : 'feature';
    return `, ${noun}${shown.length > 1 || more ? 's' : ''} ${list}`;
  }
  const noun = unit === 'row' ? '行' : unit === 'way' ? '条 way' : '个要素';
  return `，第 ${list} ${noun}`;
}

/**
 * Collects import issues for one file. Per-feature problems of the same code are merged into one
 * issue with a count and the first indices, so a file with 100,000 bad rows yields one message.
 */
export class IssueCollector {
  readonly #file: string;
  readonly #unit: LocationUnit;
  readonly #pending = new Map<string, Pending>();
  readonly #order: string[] = [];

  constructor(file: string, unit: LocationUnit = 'feature') {
    this.#file = file;
    this.#unit = unit;
  }

  /** A file-level issue. */
  add(code: IssueCode, params: Params = {}, severity?: IssueSeverity): void {
    const key = `${code}#${this.#order.length}`;
    this.#order.push(key);
    this.#pending.set(key, {
      code,
      severity: severity ?? ISSUE_CATALOG[code].severity,
      params,
      indices: [],
      count: 0,
      perFeature: false,
    });
  }

  /** A per-feature issue; repeated calls with the same code are merged (first params win). */
  addFeature(code: IssueCode, index: number, params: Params = {}, severity?: IssueSeverity): void {
    let p = this.#pending.get(code);
    if (!p) {
      p = { code, severity: severity ?? ISSUE_CATALOG[code].severity, params, indices: [], count: 0, perFeature: true };
      this.#pending.set(code, p);
      this.#order.push(code);
    }
    p.count++;
    if (p.indices.length < MAX_INDICES) p.indices.push(index);
  }

  has(code: IssueCode): boolean {
    for (const p of this.#pending.values()) if (p.code === code) return true;
    return false;
  }

  hasErrors(): boolean {
    for (const p of this.#pending.values()) if (p.severity === 'error') return true;
    return false;
  }

  /** Issues in the order first seen. */
  issues(): ImportIssue[] {
    return this.#order.map((key) => {
      const p = this.#pending.get(key) as Pending;
      const params: Params = { ...p.params, file: this.#file };
      if (p.perFeature) params.count = p.count;
      const file = safeText(this.#file, 120);
      const issue: ImportIssue = {
        code: p.code,
        severity: p.severity,
        file: this.#file,
        message_en: `${file}${locationLabel(this.#unit, p.indices, p.count, 'en')}: ${issueText(p.code, 'en', params)}`,
        message_zh: `${file}${locationLabel(this.#unit, p.indices, p.count, 'zh')}：${issueText(p.code, 'zh', params)}`,
        hint_en: issueText(p.code, 'hint_en', params),
        hint_zh: issueText(p.code, 'hint_zh', params),
        params,
      };
      if (p.perFeature) {
        issue.featureIndex = p.indices[0];
        issue.featureIndices = p.indices;
        issue.count = p.count;
      }
      return issue;
    });
  }
}

/** One line for a terminal or log: the message and what to do. */
export function formatIssue(issue: ImportIssue, lang: Language = 'en'): string {
  const tag = issue.severity === 'error' ? (lang === 'en' ? 'error' : '错误') : issue.severity === 'warning' ? (lang === 'en' ? 'warning' : '警告') : (lang === 'en' ? 'note' : '提示');
  return lang === 'en'
    ? `${tag}: ${issue.message_en} ${issue.hint_en}`
    : `${tag}：${issue.message_zh}${issue.hint_zh}`;
}
