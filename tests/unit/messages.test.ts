import { describe, expect, it } from 'vitest';
import { analysisIssueText, issueDetails, messageCodes, messageSource, messageText, parseLanguage, UI_MESSAGES, type AnalysisIssueReason } from '../../src/core/messages';
import { cliLang } from '../../scripts/cli/cliLang';
import { parkingLots } from '../../src/core/analysis/parking';

describe('one language code set (issue 10)', () => {
  it('reads the codes people write as zh-CN or en, and nothing else', () => {
    for (const c of ['zh', 'zh-CN', 'zh_CN.UTF-8', 'ZH-hans', 'zh-TW']) expect(parseLanguage(c)).toBe('zh-CN');
    for (const c of ['en', 'en-US', 'en_GB.UTF-8']) expect(parseLanguage(c)).toBe('en');
    for (const c of ['', 'fr', 'zhx', 'eng', null, undefined]) expect(parseLanguage(c)).toBeNull();
  });

  it('the CLI speaks the same codes as the app: --lang zh and zh-CN, or the locale', () => {
    expect(cliLang(['--lang', 'zh'], {})).toBe('zh-CN');
    expect(cliLang(['--lang=zh-CN'], {})).toBe('zh-CN');
    expect(cliLang(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLang([], { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLang([], { LC_ALL: 'C' })).toBe('en');
  });
});

describe('analysis messages: one catalogue keyed by reason, both languages', () => {
  const cases: [AnalysisIssueReason, Parameters<typeof analysisIssueText>[1], string, string][] = [
    ['beyond_max_snap', { subject: 'park', distance: 412.345, maxSnap: 300 }, 'the park is 412.3 m from the nearest network segment', '该公园距最近的路网路段 412.3 米'],
    ['beyond_max_snap', { subject: 'lot', maxSnap: 300 }, 'the lot lies more than 300 m outside the network', '该停车场在路网外超过 300 米'],
    ['beyond_max_snap', { subject: 'facility' }, 'there is no network segment', '没有路网路段'],
    ['invalid_geometry', { subject: 'park', geometryType: 'Point' }, 'a park must be a Polygon or MultiPolygon, got Point', '公园应为 Polygon 或 MultiPolygon，实际为 Point'],
    ['unknown_category', { subject: 'facility', category: '菜场' }, 'category "菜场" is not in the rule set', '类别“菜场”不在规则集中'],
    ['unknown_category', { subject: 'facility', category: null }, 'no properties.category', '缺少 properties.category'],
    ['far_entrances', { subject: 'community', far: { count: 2, min: 250.4, max: 611.6, limit: 200, remaining: 1 }, fallback: 'other_entrances' },
      '2 entrance(s) lie 250–612 m from the community, more than 200 m: ignored; the other 1 are used', '2 个出入口距小区 250–612 米，超过 200 米，已忽略；使用其余 1 个出入口'],
    ['far_entrances', { subject: 'community', far: { count: 1, min: 900, max: 900, limit: 200, remaining: 0 }, fallback: 'other_entrances' },
      '1 entrance(s) lie 900–900 m from the community, more than 200 m: ignored; using the representative point', '1 个出入口距小区 900–900 米，超过 200 米，已忽略；改用代表点'],
    ['invalid_spaces', { subject: 'lot', field: 'spaces', value: 'many' }, 'properties.spaces = "many" is not a number of spaces ≥ 0; counted as 0', 'properties.spaces = "many" 不是 ≥ 0 的车位数，按 0 计'],
  ];
  it.each(cases)('%s', (reason, params, en, zh) => {
    expect(analysisIssueText(reason, params, 'en')).toBe(en);
    expect(analysisIssueText(reason, params, 'zh-CN')).toBe(zh);
    expect(issueDetails(reason, params)).toEqual({ detail: en, detail_zh: zh });
  });

  it('the analysis issues carry both languages from the catalogue', () => {
    const lots = parkingLots(
      { features: [{ type: 'Feature', properties: { spaces: 'x', public: true }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }] },
    );
    expect(lots.issues.map((i) => [i.reason, i.detail_zh])).toEqual([
      ['invalid_spaces', 'properties.spaces = "x" 不是 ≥ 0 的车位数，按 0 计'],
      ['invalid_geometry', '停车场应为带经纬度坐标的 Point 或 Polygon，实际为 LineString'],
    ]);
  });
});

describe('one catalogue: messageText(code, lang, params) for the interface, the importer and the analysis', () => {
  it('every code lives in exactly one catalogue, and every interface text exists in both languages with the same parameters', () => {
    const codes = messageCodes();
    const all = [...codes.ui, ...codes.cli, ...codes.import, ...codes.analysis, ...codes.edit];
    expect(new Set(all).size).toBe(all.length);
    const params = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const code of codes.ui) {
      expect(UI_MESSAGES['zh-CN'][code], code).toBeTypeOf('string');
      expect(params(UI_MESSAGES['zh-CN'][code]), code).toEqual(params(UI_MESSAGES.en[code]));
    }
    expect(Object.keys(UI_MESSAGES['zh-CN']).sort()).toEqual([...codes.ui].sort());
  });

  it('reads each catalogue by code', () => {
    expect(messageText('legend_old', 'zh-CN', { year: 2000 })).toBe(UI_MESSAGES['zh-CN'].legend_old.replace('{{year}}', '2000'));
    expect(messageText('legend_old', 'en', { year: 2000 })).toBe('Old (built before 2000)');
    expect(messageText('file-empty', 'zh-CN')).toBe('文件为空（0 字节）。');
    expect(messageText('file-empty', 'en')).toBe('the file is empty (0 bytes).');
    expect(messageText('isolated_component', 'zh-CN', { subject: 'community' })).toBe('其所在的路网部分与任何设施都不连通');
    expect(messageSource('no-such-code')).toBeNull();
    expect(messageText('no-such-code', 'en')).toBe('no-such-code');
    expect(messageText('edit_target_missing', 'zh-CN', { layer: 'facilities', id: 'K7' })).toBe('设施中没有 id 为“K7”的要素');
  });
});
