import type { OsmClassification } from '../../src/core/io';
import type { RuleCategory } from '../../src/core/rules';
import { OSM_ATTRIBUTION } from '../../src/core/io/export';
import { tr, type CliLang } from './cliLang';
import type { InputLayer } from './parseCliArgs';

/** Pads to a terminal width: CJK characters take two columns. */
function padWidth(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return s + ' '.repeat(Math.max(0, width - w));
}


/**
 * The classification summary printed to stderr after `--osm`: features per layer, facilities per
 * category (with the category's name), categories with none, and what stayed unclassified by tag.
 * `replaced` lists the layers given explicitly on the command line (the OSM-derived one is unused).
 */
export function formatOsmSummary(
  file: string,
  osm: Pick<OsmClassification, 'counts' | 'unclassified' | 'unclassifiedByTag'>,
  categories: readonly RuleCategory[],
  lang: CliLang,
  replaced: readonly InputLayer[] = [],
): string {
  const c = osm.counts;
  const used = (layer: InputLayer): string => (replaced.includes(layer) ? tr(lang, '  (not used: replaced by --', '  （未使用：已由 --') + layer + tr(lang, ')', ' 替代）') : '');
  const row = (label: string, n: number | string, layer: InputLayer, extra = ''): string => `  ${padWidth(label, 13)}${String(n).padStart(6)}${extra}${used(layer)}`;
  const lines = [
    tr(lang, `${file}: OpenStreetMap extract classified (${OSM_ATTRIBUTION})`, `${file}：已分类 OpenStreetMap 数据（${OSM_ATTRIBUTION}）`),
    row(tr(lang, 'network', '路网'), c.network, 'network', tr(lang, ` ways, ${c.networkKm} km`, ` 条，${c.networkKm} 公里`)),
    row(tr(lang, 'communities', '小区'), c.communities, 'communities'),
    row(tr(lang, 'parks', '公园'), c.parks, 'parks'),
    row(tr(lang, 'parking', '停车场'), c.parking, 'parking'),
    row(tr(lang, 'facilities', '设施'), c.facilities, 'facilities'),
  ];
  const names = new Map(categories.map((k) => [k.id, lang === 'zh-CN' ? k.name_zh : k.name_en]));
  const found = Object.entries(c.byCategory).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  for (const [id, n] of found) lines.push(`    ${id.padEnd(26)}${String(n).padStart(5)}  ${names.get(id) ?? ''}`);
  const none = Object.entries(c.byCategory).filter(([, n]) => n === 0).map(([id]) => id);
  if (none.length) lines.push(tr(lang, `    none found for: ${none.join(', ')}`, `    未找到：${none.join('、')}`));
  const tags = Object.entries(osm.unclassifiedByTag).sort((a, b) => b[1] - a[1]);
  const top = tags.slice(0, 8).map(([t, n]) => `${t} ${n}`).join(', ');
  lines.push(
    `  ${padWidth(tr(lang, 'unclassified', '未分类'), 13)}${String(osm.unclassified.length).padStart(6)}${tr(lang, ' service-like features', ' 个服务类要素')}` +
      (tags.length ? `${tr(lang, ' (', '（')}${top}${tags.length > 8 ? ', …' : ''}${tr(lang, ')', '）')}` : ''),
  );
  return lines.join('\n') + '\n';
}
