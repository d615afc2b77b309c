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

/** The usual works of a 老旧小区改造 list, offered as choices (a list may name others; they are kept). */
export const PROGRAMME_WORKS: readonly string[] = ['加装电梯', '停车改造', '适老化改造', '管网改造', '绿化提升', '垃圾分类设施', '外墙保温', '屋面防水'];

/** The status as the programme list writes it, for a status edited in the app. */
export const PROGRAMME_STATUS_WORD: Record<ProgrammeStatus, string> = { none: '未列入', planned: '计划', building: '在建', done: '已完成' };

/** A community's works, from `programme_works` written as 加装电梯、停车改造 (or with , ; / between). */
export function programmeWorks(props: Readonly<Record<string, unknown>> | null | undefined): string[] {
  const v = props?.programme_works;
  if (v == null) return [];
  return String(v).split(/[、,，;；/|]+/).map((x) => x.trim()).filter(Boolean);
}

/** What the planner may edit of a community's place in the programme. */
export interface ProgrammePatch {
  status?: ProgrammeStatus;
  year?: number | null;
  works?: readonly string[];
  /** 万元 */
  investment?: number | null;
}

/**
 * The properties after an edit of the programme fields (the table's status, year, works and
 * investment), written the way the list writes them; other properties are untouched.
 */
export function patchProgramme(props: Readonly<Record<string, unknown>> | null, patch: ProgrammePatch): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(props ?? {}) };
  if (patch.status !== undefined) out.programme_status = PROGRAMME_STATUS_WORD[patch.status];
  if (patch.year !== undefined) out.programme_year = patch.year;
  if (patch.works !== undefined) out.programme_works = patch.works.join('、');
  if (patch.investment !== undefined) out.programme_investment = patch.investment;
  return out;
}
