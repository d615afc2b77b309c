import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { decodeText } from '../decodeText';
import { typeColumns } from '../csv/readCsv';
import type { JoinTable } from '../../join/applyJoin';

/** A table read for joining, or why it could not be (English and Chinese). */
export type TableRead = { ok: true; table: JoinTable } | { ok: false; detail: string; detail_zh: string };

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Reads an attribute table without geometry for a join (issue 15): Excel (.xlsx, the first sheet,
 * through read-excel-file) or CSV/TSV text in any of the importer's encodings (UTF-8, GBK, UTF-16).
 * The header is the first non-empty row; empty rows are skipped; columns typed like the CSV
 * importer's (numbers, booleans, text).
 */
export async function readTable(name: string, bytes: Uint8Array): Promise<TableRead> {
  let header: string[] = [];
  let rows: Record<string, unknown>[] = [];
  if (isZip(bytes) || /\.xlsx$/i.test(name)) {
    let data: unknown[][];
    try {
      data = (await readSheet(bytes.slice().buffer as ArrayBuffer)) as unknown[][];
    } catch (e) {
      return { ok: false, detail: `${name}: not a readable Excel workbook (${(e as Error).message})`, detail_zh: `${name}：无法读取的 Excel 工作簿（${(e as Error).message}）` };
    }
    const filled = data.filter((r) => r.some((v) => v !== null && v !== undefined && String(v).trim() !== ''));
    header = (filled[0] ?? []).map((h, i) => (h == null || String(h).trim() === '' ? `column_${i + 1}` : String(h).trim()));
    rows = filled.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] instanceof Date ? (r[i] as Date).getFullYear() : (r[i] ?? null)])));
  } else {
    const text = decodeText(bytes).text;
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', delimiter: /\.tsv$/i.test(name) ? '\t' : '', transformHeader: (h) => h.replace(/^\uFEFF/, '').trim() });
    header = (parsed.meta.fields ?? []).filter((h) => h !== '');
    rows = typeColumns(parsed.data, header);
  }
  if (!header.length || !rows.length) return { ok: false, detail: `${name}: the table has no rows under a header row`, detail_zh: `${name}：表中没有表头下的数据行` };
  return { ok: true, table: { name, columns: header, rows } };
}
