import type { CoverageIssue } from '../../src/core/analysis/coverage';
import { ENTRANCE_MAX_DISTANCE_M } from '../../src/core/analysis/coverage';
import { safeText } from '../../src/core/io';
import type { CliIo } from './cliIo';
import { tr, type CliLang } from './cliLang';

const SHOWN = 10;

/**
 * The analysis' warnings about communities (unusable or far-away entrances) on stderr, one line
 * per community naming it (name, else id, else its position in the file), at most ten.
 */
export function reportCoverageWarnings(
  warnings: readonly CoverageIssue[],
  communities: { features: ReadonlyArray<{ properties?: Record<string, unknown> | null } | null> },
  file: string,
  lang: CliLang,
  io: CliIo,
): void {
  for (const w of warnings.slice(0, SHOWN)) {
    const p = communities.features[w.index]?.properties;
    const who = safeText(p?.name ?? w.id ?? `#${w.index + 1}`, 60);
    const far = Math.round(w.distance ?? 0);
    const [en, zh] =
      w.reason === 'far_entrances'
        ? [`entrances more than ${ENTRANCE_MAX_DISTANCE_M} m from the community (up to ${far} m) are ignored`, `距小区超过 ${ENTRANCE_MAX_DISTANCE_M} 米的出入口（最远 ${far} 米）已忽略`]
        : ['properties.entrances is not a MultiPoint or a list of [lon, lat]; its representative point is used', 'properties.entrances 不是 MultiPoint 或 [经度, 纬度] 列表，改用代表点'];
    io.stderr(tr(lang, `warning: ${file}: community ${who} (feature ${w.index + 1}): ${en}. Check its entrances.\n`, `警告：${file}：小区“${who}”（第 ${w.index + 1} 个要素）：${zh}。请检查其出入口。\n`));
  }
  if (warnings.length > SHOWN) io.stderr(tr(lang, `warning: … and ${warnings.length - SHOWN} more communities with entrance problems (see "warnings" in the summary)\n`, `警告：……另有 ${warnings.length - SHOWN} 个小区的出入口有问题（见汇总中的 "warnings"）\n`));
}
