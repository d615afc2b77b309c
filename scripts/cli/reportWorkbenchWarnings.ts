import type { FeatureCollection, Geometry } from 'geojson';
import type { StudyAreaLayers, StudyAreaResult } from '../../src/core/studyArea';
import type { CliIo } from './cliIo';
import { labelled, msg, type CliLang } from './cliLang';

type GeoFC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/**
 * Prints the park problems the analysis found (parks that cannot be placed, qualifying parks too
 * far from the network to serve anyone), naming the file and the park.
 */
export function reportWorkbenchWarnings(result: StudyAreaResult, layers: StudyAreaLayers, sources: { parks?: string }, lang: CliLang, io: CliIo): void {
  const parks = result.parks;
  if (!parks || !layers.parks) return;
  const fc = layers.parks as GeoFC;
  const file = sources.parks ?? '--parks';
  for (const w of parks.warnings) warn(io, lang, `${file}: ${label(fc, w.index, lang)}: ${(lang === 'zh-CN' ? w.detail_zh : w.detail) ?? w.reason}`);
  const far = parks.unreachableParks.filter((i) => i.reason === 'beyond_max_snap');
  if (far.length) {
    warn(io, lang, msg(lang, 'cli_parks_unreachable', { file, count: far.length, where: label(fc, far[0].index, lang) }));
  }
}

function warn(io: CliIo, lang: CliLang, text: string): void {
  io.stderr(`${labelled(lang, 'cli_warning', text)}\n`);
}

/** 'feature 3 "P7"': the position in the collection and its id or name. */
function label(fc: GeoFC, index: number, lang: CliLang): string {
  const p = fc.features[index]?.properties ?? {};
  const l = p.id ?? p.name ?? fc.features[index]?.id ?? null;
  return msg(lang, 'cli_at_feature', { n: index + 1 }) + (l == null ? '' : ` "${String(l).slice(0, 60)}"`);
}
