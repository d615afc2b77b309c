import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  fn: string;
  where: string;
  ms: number;
}

/** A main-thread CPU profiler (Chrome DevTools Protocol `Profiler`) for one page. */
export async function startProfiler(page: Page): Promise<() => Promise<SelfTime[]>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.detach();
    return topSelfTimes(profile, 5);
  };
}

/** The functions with the most self time (idle excluded), merged by name and source position. */
export function topSelfTimes(profile: Profile, n: number): SelfTime[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, SelfTime>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 1; i < samples.length; i++) {
    // the time up to the next sample is spent where this sample was taken
    const node = byId.get(samples[i - 1]);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const where = url ? `${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const cur = self.get(key) ?? { fn: functionName || '(anonymous)', where, ms: 0 };
    cur.ms += deltas[i] / 1000;
    self.set(key, cur);
  }
  return [...self.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n)
    .map((s) => ({ ...s, ms: Math.round(s.ms) }));
}
