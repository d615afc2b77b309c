import type { DatasetResult } from './runDataset';

export interface UiReport {
  benchmark: 'lifecircle-ui';
  date: string;
  command: string;
  cpu: string;
  browser: string;
  window: string;
  /** os.loadavg() (1, 5, 15 min) when the run started and ended. */
  load_average: { start: number[]; end: number[] };
  built: string | null;
  profiled: boolean;
  datasets: DatasetResult[];
  all_within_budget: boolean;
}

const ms = (v: number): string => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')} ms` : '–');
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);

/** The human-readable report: per dataset the load line and one row per interaction with its verdict. */
export function formatUiReport(r: UiReport): string {
  const out: string[] = [];
  const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  out.push(`LifeCircle UI benchmark — ${r.date}`);
  out.push(`${r.cpu}; ${r.browser}; ${r.window}; load average ${la(r.load_average.start)} → ${la(r.load_average.end)}`);
  if (r.built) out.push(`(${r.built}: built it with npx vite build first)`);
  if (r.profiled) out.push('(run under the CPU profiler: times are somewhat higher than without it)');
  for (const d of r.datasets) {
    const c = d.counts;
    out.push('');
    out.push(`${d.name}: ${c.communities.toLocaleString('en-US')} communities, ${c.facilities.toLocaleString('en-US')} facilities, ${c.networkLines.toLocaleString('en-US')} network lines — budget: no main-thread task over ${d.budgetMs} ms after the first result`);
    const l = d.load;
    out.push(`  load (from ${l.from}): first paint ${ms(l.firstPaintMs)}, analysis start ${ms(l.firstRunMs)}, first result ${ms(l.firstResultMs)}, result − paint ${ms(l.resultMinusPaintMs)}`);
    out.push(`  ${pad('interaction', 22)}${lpad('longest task', 14)}${lpad('starting at', 13)}${lpad('2nd frame', 12)}  verdict`);
    const at = (ms: number, v: number) => (ms > 0 ? `${v >= 0 ? '+' : ''}${Math.round(v).toLocaleString('en-US')} ms` : '');
    out.push(`  ${pad('load, after the result', 22)}${lpad(ms(l.longestTaskAfterResultMs), 14)}${lpad(at(l.longestTaskAfterResultMs, l.longestTaskAtMs), 13)}${lpad('', 12)}  ${l.verdict}${l.settled ? '' : ' (did not settle)'}`);
    for (const i of d.interactions) {
      out.push(`  ${pad(i.name, 22)}${lpad(ms(i.longestTaskMs), 14)}${lpad(at(i.longestTaskMs, i.longestTaskAtMs), 13)}${lpad(ms(i.secondFrameMs), 12)}  ${i.verdict}${i.settled ? '' : ' (did not settle)'}`);
    }
    if (l.profile?.length) {
      out.push(`  main-thread self time during the load (top ${l.profile.length}):`);
      for (const p of l.profile) out.push(`    ${lpad(ms(p.ms), 9)}  ${p.fn}  ${p.where}`);
    }
    const worst = [...d.interactions].sort((a, b) => b.longestTaskMs - a.longestTaskMs)[0];
    if (worst?.profile?.length) {
      out.push(`  main-thread self time during "${worst.name}" (top ${worst.profile.length}):`);
      for (const p of worst.profile) out.push(`    ${lpad(ms(p.ms), 9)}  ${p.fn}  ${p.where}`);
    }
  }
  out.push('');
  out.push(r.all_within_budget ? 'All rows within budget.' : 'Some rows are OVER budget (a benchmark: the exit code stays 0).');
  return out.join('\n');
}
