import type { OsmClassification } from '../../src/core/io';
import type { RuleCategory } from '../../src/core/rules';
import { OSM_ATTRIBUTION } from '../../src/core/io/export';
import { msg, type CliLang } from './cliLang';
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
  const used = (layer: InputLayer): string => (replaced.includes(layer) ? msg(lang, 'cli_osm_not_used', { layer }) : '');
  const row = (label: string, n: number | string, layer: InputLayer, extra = ''): string => `  ${padWidth(label, 13)}${String(n).padStart(6)}${extra}${used(layer)}`;
  const lines = [
    msg(lang, 'cli_osm_classified', { file, attribution: OSM_ATTRIBUTION }),
    row(msg(lang, 'cli_layer_network'), c.network, 'network', msg(lang, 'cli_osm_ways', { km: c.networkKm })),
    row(msg(lang, 'cli_layer_communities'), c.communities, 'communities'),
    row(msg(lang, 'cli_layer_parks'), c.parks, 'parks'),
    row(msg(lang, 'cli_layer_parking'), c.parking, 'parking'),
    row(msg(lang, 'cli_layer_facilities'), c.facilities, 'facilities'),
  ];
  const names = new Map(categories.map((k) => [k.id, lang === 'zh-CN' ? k.name_zh : k.name_en]));
  const found = Object.entries(c.byCategory).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  for (const [id, n] of found) lines.push(`    ${id.padEnd(26)}${String(n).padStart(5)}  ${names.get(id) ?? ''}`);
  const none = Object.entries(c.byCategory).filter(([, n]) => n === 0).map(([id]) => id);
  if (none.length) lines.push(msg(lang, 'cli_osm_none_found', { list: none.join(msg(lang, 'cli_list_sep')) }));
  const tags = Object.entries(osm.unclassifiedByTag).sort((a, b) => b[1] - a[1]);
  const top = tags.slice(0, 8).map(([t, n]) => `${t} ${n}`).join(', ');
  lines.push(
    `  ${padWidth(msg(lang, 'cli_osm_unclassified'), 13)}${String(osm.unclassified.length).padStart(6)}${msg(lang, 'cli_osm_service_like')}` +
      (tags.length ? `${msg(lang, 'cli_paren_open')}${top}${tags.length > 8 ? ', …' : ''}${msg(lang, 'cli_paren_close')}` : ''),
  );
  return lines.join('\n') + '\n';
}
