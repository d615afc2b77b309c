import type { FeatureCollection, Geometry } from 'geojson';
import type { StudyAreaLayers, StudyAreaResult } from '../../src/core/studyArea';
import type { CliIo } from './cliIo';
import { tr, type CliLang } from './cliLang';

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
  for (const w of parks.warnings) warn(io, lang, `${file}: ${label(fc, w.index, lang)}: ${w.detail}`);
  const far = parks.unreachableParks.filter((i) => i.reason === 'beyond_max_snap');
  if (far.length) {
    warn(io, lang, tr(lang,
      `${file}: ${far.length} qualifying park(s) lie farther than the snapping distance from the network and serve nobody (first: ${label(fc, far[0].index, lang)})`,
      `${file}：${far.length} 个达标公园距路网超过吸附距离，无法服务任何小区（首个：${label(fc, far[0].index, lang)}）`));
  }
}

function warn(io: CliIo, lang: CliLang, msg: string): void {
  io.stderr(`${tr(lang, 'warning', '警告')}${tr(lang, ': ', '：')}${msg}\n`);
}

/** 'feature 3 "P7"': the position in the collection and its id or name. */
function label(fc: GeoFC, index: number, lang: CliLang): string {
  const p = fc.features[index]?.properties ?? {};
  const l = p.id ?? p.name ?? fc.features[index]?.id ?? null;
  return tr(lang, `feature ${index + 1}`, `第 ${index + 1} 个要素`) + (l == null ? '' : ` "${String(l).slice(0, 60)}"`);
}
