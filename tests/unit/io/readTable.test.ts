import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/core/io/table/readTable';
import { xlsxOf } from './xlsxFixture';

describe('reading a table without coordinates for a join (issue 15)', () => {
  it('reads Excel: the first non-empty row is the header, numbers stay numbers', async () => {
    const bytes = xlsxOf([[null], ['小区名称', '户数', '建成年代'], ['阳光花园', 1200, '1995年'], ['翠竹园', 300, null], [null, null, null]]);
    const r = await readTable('清单.xlsx', bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.columns).toEqual(['小区名称', '户数', '建成年代']);
    expect(r.table.rows).toEqual([{ 小区名称: '阳光花园', 户数: 1200, 建成年代: '1995年' }, { 小区名称: '翠竹园', 户数: 300, 建成年代: null }]);
  });

  it('reads CSV in GBK and UTF-8 with BOM; an empty or broken file says so', async () => {
    const utf8 = new TextEncoder().encode('\uFEFF小区名称,户数\n阳光花园,"1,200"\n');
    const r = await readTable('a.csv', utf8);
    expect(r.ok && r.table.rows).toEqual([{ 小区名称: '阳光花园', 户数: '1,200' }]);
    // GBK bytes of "名称,户数\n甲,5\n"
    const gbk = Uint8Array.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbb, 0xa7, 0xca, 0xfd, 0x0a, 0xbc, 0xd7, 0x2c, 0x35, 0x0a]);
    const g = await readTable('b.csv', gbk);
    expect(g.ok && g.table.rows).toEqual([{ 名称: '甲', 户数: 5 }]);
    const empty = await readTable('c.csv', new TextEncoder().encode('名称,户数\n'));
    expect(empty).toMatchObject({ ok: false, detail_zh: 'c.csv：表中没有表头下的数据行' });
    const broken = await readTable('d.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.detail).toContain('d.xlsx: not a readable Excel workbook');
  });
});
