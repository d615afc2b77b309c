/**
 * Reads ../shared/standards/evidence-2026-12.md (issue 16): the sources list (S1 … S13) and the
 * Levels and Categories tables, into evidence records per level id and category id. Used only by
 * scripts/build-rules.ts; the records land in data/rules/.
 */
import type { Evidence, EvidenceStatus } from '../../src/core/rules';

export interface EvidenceRow {
  id: string;
  /** the level row's subject, e.g. "walk_m" of "15min walk_m" */
  field: string | null;
  status: EvidenceStatus;
  evidence: Evidence[];
}

const STATUS: [RegExp, EvidenceStatus][] = [[/^confirmed/i, 'confirmed'], [/^weak/i, 'weak'], [/^contradicted/i, 'contradicted'], [/^no evidence/i, 'none']];

function cells(line: string): string[] {
  return line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
}

/** The first quoted text of a cell (“…” or "…"), cut to 30 characters. */
function quoteOf(cell: string): string {
  const m = /[“"]([^”"]+)[”"]/.exec(cell);
  const q = m ? m[1] : '';
  return [...q].length > 30 ? `${[...q].slice(0, 29).join('')}…` : q;
}

export function readEvidence(md: string): { sources: Map<string, { title: string; url: string | null }>; levels: EvidenceRow[]; categories: EvidenceRow[] } {
  const sources = new Map<string, { title: string; url: string | null }>();
  for (const m of md.matchAll(/^- (S\d+) ([^:]+):\s*(\S+)?\s*(.*)$/gm)) {
    const url = m[3] && /^https?:/.test(m[3]) ? m[3].replace(/[,;]$/, '') : null;
    sources.set(m[1], { title: `${m[2].trim()}${url ? '' : ` ${m[3] ?? ''}`}${m[4] ? ` ${m[4].trim()}` : ''}`.trim().slice(0, 160), url });
  }
  const table = (heading: string): string[][] => {
    const at = md.indexOf(`## ${heading}`);
    if (at < 0) throw new Error(`evidence file: no "## ${heading}" section`);
    const lines = md.slice(at).split('\n').slice(1);
    const rows: string[][] = [];
    let started = false;
    for (const l of lines) {
      if (l.startsWith('|')) {
        started = true;
        if (/^\|[-\s|]+\|$/.test(l.trim())) continue;
        rows.push(cells(l));
      } else if (started) break;
    }
    return rows.slice(1); // the header row
  };
  const row = (id: string, field: string | null, quoteCell: string, sourceCell: string, gradeCell: string, verdict: string): EvidenceRow => {
    const status = STATUS.find(([re]) => re.test(verdict))?.[1] ?? 'none';
    const keys = [...new Set([...sourceCell.matchAll(/S\d+/g)].map((m) => m[0]))];
    const grade = (/^([ABC])/.exec(gradeCell)?.[1] ?? null) as Evidence['grade'];
    const quote = quoteOf(quoteCell);
    const evidence: Evidence[] = keys.map((key) => ({
      grade, status, quote,
      source: { key, title: sources.get(key)?.title ?? key, url: sources.get(key)?.url ?? null },
    }));
    return { id, field, status, evidence };
  };
  const levels = table('Levels').map((c) => {
    const [id, ...rest] = c[0].split(' ');
    return row(id, rest.join(' ') || null, c[2], c[3], c[4], c[5]);
  });
  const categories = table('Categories').map((c) => row(c[0], null, c[2], c[3], c[4], c[5]));
  return { sources, levels, categories };
}
