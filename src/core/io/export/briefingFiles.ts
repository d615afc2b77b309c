import { strToU8, zipSync } from 'fflate';
import type { Language } from '../../messages/language';
import { pick } from '../../messages/language';
import { toCsv } from './exportCsv';
import type { BriefingTable, ColumnFormat } from './briefingTables';
import type { AttributeEntry } from './attributeDictionary';
import { localDate } from '../../model/localDate';

const NUMBER_FORMAT: Partial<Record<ColumnFormat, string>> = { int: '#,##0', dec1: '#,##0.0', pct: '0.0', year: '0' };

/** A cell as written: booleans in words (是/否), the rest as it is. */
function cellValue(v: string | number | boolean | null, lang: Language): string | number | null {
  if (typeof v === 'boolean') return v ? pick(lang, 'yes', '是') : pick(lang, 'no', '否');
  return v;
}

/** About the workbook: title, date, data source and credit (the first sheet). */
export interface BriefingMeta {
  title: string;
  date: string;
  /** e.g. the rule set's name and the data files */
  lines: string[];
  /** © OpenStreetMap contributors when OSM data is in */
  attribution: string | null;
}

/**
 * The briefing's "about" lines, one rule for the app and the CLI: the title (the place's name, else
 * a generic one in the language), today's date, the rule set in force, the input files, the credit.
 */
export function briefingMeta(o: { lang: Language; place: string | null; rules: { id: string; name_zh: string; name_en: string }; inputs: readonly string[]; attribution: string | null }): BriefingMeta {
  const zh = o.lang === 'zh-CN';
  return {
    title: o.place ?? pick(o.lang, 'Life-circle facilities check', '生活圈配套设施体检'),
    date: localDate(),
    lines: [`${pick(o.lang, 'Rule set', '规则集')}: ${zh ? o.rules.name_zh : o.rules.name_en} (${o.rules.id})`, ...o.inputs],
    attribution: o.attribution,
  };
}

/**
 * The tables as an Excel workbook (exceljs; issue 12): a 说明 sheet (title, date, sources, credit),
 * then one sheet per table with its Chinese (or English) headers and units, number formats, a
 * frozen header row and an autofilter. exceljs (≈ 1 MB) is loaded when a workbook is first asked
 * for: the app's first page and the CLI's start do not wait for it.
 */
export async function briefingWorkbook(tables: readonly BriefingTable[], meta: BriefingMeta, lang: Language): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LifeCircle';
  wb.created = new Date(meta.date);
  const about = wb.addWorksheet(pick(lang, 'About', '说明'));
  about.addRow([meta.title]).font = { bold: true, size: 14 };
  about.addRow([meta.date]);
  for (const l of meta.lines) about.addRow([l]);
  if (meta.attribution) about.addRow([meta.attribution]);
  about.getColumn(1).width = 80;
  for (const tb of tables) {
    const ws = wb.addWorksheet(tb.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = tb.columns.map((c) => ({ header: c.header, key: c.key, width: Math.min(40, Math.max(8, [...c.header].length * 1.6 + 2)) }));
    ws.getRow(1).font = { bold: true };
    for (const r of tb.rows) ws.addRow(Object.fromEntries(tb.columns.map((c) => [c.key, cellValue(r[c.key] ?? null, lang)])));
    tb.columns.forEach((c, i) => {
      const f = NUMBER_FORMAT[c.format];
      if (f) ws.getColumn(i + 1).numFmt = f;
    });
    if (tb.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tb.columns.length } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A table as CSV (UTF-8 with BOM, the same headers as the workbook; formulas neutralised). */
export function briefingCsv(tb: BriefingTable, lang: Language): string {
  return toCsv(tb.rows.map((r) => Object.fromEntries(tb.columns.map((c) => [c.key, cellValue(r[c.key] ?? null, lang)]))), { columns: tb.columns.map((c) => c.key), headers: tb.columns.map((c) => c.header) });
}

/** The bundle's README: what each file is, and the attribute dictionary, in Chinese and English. */
export function bundleReadme(files: readonly { name: string; en: string; zh: string }[], zh: readonly AttributeEntry[], en: readonly AttributeEntry[], meta: BriefingMeta): string {
  const table = (rows: readonly AttributeEntry[], head: string) => [head, '|---|---|---|---|', ...rows.map((r) => `| ${r.field} | ${r.meaning} | ${r.unit} | ${r.rule.replace(/\|/g, '/')} |`)].join('\n');
  return [
    `# ${meta.title}`, '', meta.date, ...meta.lines, ...(meta.attribution ? ['', meta.attribution] : []), '',
    '## 文件 / Files', '', ...files.map((f) => `- \`${f.name}\`: ${f.zh} / ${f.en}`), '',
    '## 字段说明', '', table(zh, '| 字段 | 含义 | 单位 | 规则与依据 |'), '',
    '## Attribute dictionary', '', table(en, '| field | meaning | unit | rule and source |'), '',
  ].join('\n');
}

/** Zips the bundle's files (fflate). */
export function zipBundle(files: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])), { level: 6 });
}
