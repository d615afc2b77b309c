import type { CoverageIssue } from '../../src/core/analysis/coverage';
import { safeText } from '../../src/core/io';
import { featureLabel } from '../../src/core/model';
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
    const who = safeText(featureLabel(p, w.index, w.id), 60);
    // The analysis' own message, in the language asked for (core/messages).
    const text = (lang === 'zh-CN' ? w.detail_zh : w.detail) ?? w.reason;
    io.stderr(tr(lang, `warning: ${file}: community ${who} (feature ${w.index + 1}): ${text}. Check its entrances.\n`, `警告：${file}：小区“${who}”（第 ${w.index + 1} 个要素）：${text}。请检查其出入口。\n`));
  }
  if (warnings.length > SHOWN) io.stderr(tr(lang, `warning: … and ${warnings.length - SHOWN} more communities with entrance problems (see "warnings" in the summary)\n`, `警告：……另有 ${warnings.length - SHOWN} 个小区的出入口有问题（见汇总中的 "warnings"）\n`));
}
