import type { Decay } from './facilityChoice';

/**
 * A decay as written by a planner or on the command line: `cumulative`, `linear`,
 * `exponential:β` (per metre, e.g. exponential:0.003) or `gaussian:σ` (metres, e.g. gaussian:300);
 * Chinese names 累积 / 线性 / 指数 / 高斯 too. Null when the text is not one of them.
 */
export function parseDecay(text: string): Decay | null {
  const [rawKind, rawParam] = text.trim().toLowerCase().split(/[:：=]/, 2);
  const kind = ({ 累积: 'cumulative', 线性: 'linear', 指数: 'exponential', 高斯: 'gaussian' } as Record<string, string>)[rawKind] ?? rawKind;
  const p = rawParam === undefined ? NaN : Number(rawParam);
  if (kind === 'cumulative' && rawParam === undefined) return { kind };
  if (kind === 'linear' && rawParam === undefined) return { kind };
  if (kind === 'exponential' && p > 0 && Number.isFinite(p)) return { kind, beta: p };
  if (kind === 'gaussian' && p > 0 && Number.isFinite(p)) return { kind, sigma: p };
  return null;
}

/** The decay as parseDecay reads it back (`gaussian:300`). */
export function formatDecay(d: Decay): string {
  return d.kind === 'exponential' ? `exponential:${d.beta}` : d.kind === 'gaussian' ? `gaussian:${d.sigma}` : d.kind;
}
