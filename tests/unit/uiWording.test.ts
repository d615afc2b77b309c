import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../src/core/messages/ui/en';
import { zhCN } from '../../src/core/messages/ui/zh-CN';
import { featureMessages } from '../../src/core/messages/ui/features';
import { metres } from '../../src/ui/featureText';
import { complianceCsvLabels } from '../../src/ui/workbench/complianceCsvLabels';
import { defaultRules } from '../../src/core/rules/defaultRules';

async function tOf(lng: 'zh-CN' | 'en') {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: { en: { translation: { ...en, ...featureMessages.en } }, 'zh-CN': { translation: { ...zhCN, ...featureMessages['zh-CN'] } } },
    interpolation: { escapeValue: false },
  });
  return i.t.bind(i);
}

describe('one unit style and no English in the Chinese UI (issue 8 item 11)', () => {
  it('writes distances as "1,020 米" in Chinese and "1,020 m" in English, from one key', async () => {
    expect(metres(await tOf('zh-CN'), 1020)).toBe(`${(1020).toLocaleString()} 米`);
    expect(metres(await tOf('en'), 240)).toBe('240 m');
  });

  it('labels the compliance CSV in the UI language: 小区名称, 幼儿园距离(米), 幼儿园是否达标, 达标/未达标', async () => {
    const zh = complianceCsvLabels(await tOf('zh-CN'), defaultRules, 'zh-CN');
    expect([zh.columns.name, zh.columns.households, zh.distance('kindergarten'), zh.covered('kindergarten')]).toEqual(['小区名称', '户数', '幼儿园距离(米)', '幼儿园是否达标']);
    expect(zh.status).toEqual({ ok: '达标', gap: '未达标', no_data: '未提供数据' });
    const e = complianceCsvLabels(await tOf('en'), defaultRules, 'en');
    expect([e.columns.name, e.distance('kindergarten'), e.covered('kindergarten'), e.status.ok, e.status.gap]).toEqual(['Community', 'Kindergarten distance (m)', 'Kindergarten covered', 'covered', 'not covered']);
  });

  it('the default rule set describes its status in Chinese too (built by scripts/build-rules.ts)', () => {
    expect(defaultRules.status_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(defaultRules.status_zh).not.toMatch(/DRAFT/);
    expect(defaultRules.status_en).toBe(defaultRules.status);
  });
});
