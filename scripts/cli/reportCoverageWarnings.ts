import type { CoverageIssue } from '../../src/core/analysis/coverage';
import { safeText } from '../../src/core/io';
import { featureLabel } from '../../src/core/model';
import type { CliIo } from './cliIo';
import { msg, type CliLang } from './cliLang';

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
    io.stderr(`${msg(lang, 'cli_community_entrances', { file, who, n: w.index + 1, text })}\n`);
  }
  if (warnings.length > SHOWN) io.stderr(`${msg(lang, 'cli_more_entrance_problems', { count: warnings.length - SHOWN })}\n`);
}
