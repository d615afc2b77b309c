import type { FeatureCollection } from 'geojson';

/** What the import dialog shows about one property column. */
export interface ColumnSummary {
  key: string;
  /** Features with a non-empty value. */
  filled: number;
  /** Up to `samples` distinct example values, as text. */
  samples: string[];
  /** Distinct values with their counts, most frequent first; at most `maxDistinct`. */
  distinct: { value: string; count: number }[];
  /** True when there were more distinct values than listed. */
  truncated: boolean;
}

/**
 * Summarises the property columns of a collection for field and category mapping: per key the
 * fill count, a few examples and the most frequent distinct values (as text, so numbers and
 * strings that print alike are one value). Keys in first-seen order.
 * @param options.maxDistinct distinct values kept per column. @default 300
 * @param options.samples examples per column. @default 3
 */
export function summarizeColumns(fc: FeatureCollection, options: { maxDistinct?: number; samples?: number } = {}): ColumnSummary[] {
  const maxDistinct = options.maxDistinct ?? 300;
  const nSamples = options.samples ?? 3;
  // Counting stops growing a column's map at 4× the cap: enough to rank, bounded memory.
  const cap = maxDistinct * 4;
  const cols = new Map<string, { filled: number; counts: Map<string, number>; overflow: boolean }>();
  for (const f of fc.features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      let col = cols.get(k);
      if (!col) cols.set(k, (col = { filled: 0, counts: new Map(), overflow: false }));
      if (v === null || v === undefined || v === '') continue;
      col.filled++;
      const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
      const n = col.counts.get(s);
      if (n !== undefined) col.counts.set(s, n + 1);
      else if (col.counts.size < cap) col.counts.set(s, 1);
      else col.overflow = true;
    }
  }
  return [...cols].map(([key, col]) => {
    const all = [...col.counts].map(([value, count]) => ({ value, count }));
    const samples = all.slice(0, nSamples).map((d) => d.value);
    all.sort((a, b) => b.count - a.count);
    return { key, filled: col.filled, samples, distinct: all.slice(0, maxDistinct), truncated: col.overflow || all.length > maxDistinct };
  });
}
