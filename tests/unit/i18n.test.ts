import { describe, expect, it } from 'vitest';
import { en } from '../../src/core/messages/ui/en';
import { zhCN } from '../../src/core/messages/ui/zh-CN';
import { featureMessages } from '../../src/core/messages/ui/features';

describe('i18n dictionaries', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    const a = { ...en, ...featureMessages.en };
    const b = { ...zhCN, ...featureMessages['zh-CN'] };
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const [k, v] of Object.entries(b)) expect(v, k).not.toBe('');
  });
  it('use the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const a: Record<string, string> = { ...en, ...featureMessages.en };
    const b: Record<string, string> = { ...zhCN, ...featureMessages['zh-CN'] };
    for (const k of Object.keys(a)) expect(vars(b[k] ?? ''), k).toEqual(vars(a[k]));
  });
});
