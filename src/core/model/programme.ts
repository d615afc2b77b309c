/** Where an old community stands in the renovation programme (issue 14). */
export type ProgrammeStatus = 'none' | 'planned' | 'building' | 'done';

export const PROGRAMME_STATUSES: readonly ProgrammeStatus[] = ['none', 'planned', 'building', 'done'];

const WORDS: [RegExp, ProgrammeStatus][] = [
  [/^(已完成|完成|竣工|已竣工|done|completed|finished)$/i, 'done'],
  [/^(在建|施工中|实施中|建设中|building|under construction|in progress)$/i, 'building'],
  [/^(计划|拟改造|已列入|列入计划|planned|plan)$/i, 'planned'],
  [/^(未列入|无|否|none|not planned)$/i, 'none'],
];

/**
 * A community's programme status from `programme_status` as lists write it (未列入 / 计划 / 在建 /
 * 已完成, or English): the one reader for the table, the ranking filter and the progress figures.
 */
export function programmeStatus(props: Readonly<Record<string, unknown>> | null | undefined): ProgrammeStatus {
  const v = props?.programme_status;
  if (v == null || v === '') return 'none';
  const text = String(v).trim();
  return WORDS.find(([re]) => re.test(text))?.[1] ?? 'none';
}

/** The programme's progress: communities per status and per year, and the investment (万元). */
export function programmeProgress(features: readonly { properties: Record<string, unknown> | null }[]): {
  byStatus: Record<ProgrammeStatus, number>;
  byYear: { year: number; planned: number; building: number; done: number; investment: number }[];
  investment: number;
} {
  const byStatus: Record<ProgrammeStatus, number> = { none: 0, planned: 0, building: 0, done: 0 };
  const years = new Map<number, { year: number; planned: number; building: number; done: number; investment: number }>();
  let investment = 0;
  for (const f of features) {
    const st = programmeStatus(f.properties);
    byStatus[st]++;
    if (st === 'none') continue;
    const inv = Number(String(f.properties?.programme_investment ?? '').replace(/[,，万元\s]/g, ''));
    if (Number.isFinite(inv) && inv > 0) investment += inv;
    const y = Number(String(f.properties?.programme_year ?? '').slice(0, 4));
    if (!Number.isInteger(y) || y < 1990) continue;
    const row = years.get(y) ?? { year: y, planned: 0, building: 0, done: 0, investment: 0 };
    row[st]++;
    if (Number.isFinite(inv) && inv > 0) row.investment += inv;
    years.set(y, row);
  }
  return { byStatus, byYear: [...years.values()].sort((a, b) => a.year - b.year), investment: Math.round(investment * 10) / 10 };
}
