import { useTranslation } from 'react-i18next';
import { fmt } from '../featureText';

export interface TimelinePoint {
  label: string;
  /** YYYY-MM-DD */
  date: string;
  value: number | null;
}

const W = 600, H = 210, L = 46, R = 20, T = 16, B = 46;
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** Round ticks covering [lo, hi]: 1, 2 or 5 × 10^n apart, about four of them. */
export function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/**
 * One indicator across the snapshots (issue 14): the snapshots' values joined by a line, the value
 * now as a hollow dot, the target as a dashed line with the deadline marked, and the straight line
 * from the first snapshot to the target at the deadline ("on track" lies on or beyond it).
 */
export function TimelineChart({ series, now, target }: { series: readonly TimelinePoint[]; now: TimelinePoint | null; target: { value: number; deadline: string } | null }) {
  const { t } = useTranslation();
  const pts = series.filter((p): p is TimelinePoint & { value: number } => p.value !== null);
  const all = [...pts, ...(now?.value != null ? [now as TimelinePoint & { value: number }] : [])];
  if (!all.length) return null;
  const dates = [...all.map((p) => day(p.date)), ...(target ? [day(target.deadline)] : [])];
  let x0 = Math.min(...dates), x1 = Math.max(...dates);
  if (x1 - x0 < 86_400_000 * 30) {
    x0 -= 86_400_000 * 30;
    x1 += 86_400_000 * 30;
  }
  const values = [...all.map((p) => p.value), ...(target ? [target.value] : [])];
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const y0 = ticks[0], y1 = ticks[ticks.length - 1] === y0 ? y0 + 1 : ticks[ticks.length - 1];
  const x = (iso: string) => L + ((day(iso) - x0) / (x1 - x0)) * (W - L - R);
  const y = (v: number) => H - B - ((v - y0) / (y1 - y0)) * (H - T - B);
  const first = pts[0];
  // labels of snapshots close together go on alternate rows, so they don't overlap
  const row: number[] = [];
  pts.forEach((p, k) => (row[k] = k > 0 && x(p.date) - x(pts[k - 1].date) < 90 ? 1 - row[k - 1] : 0));
  // year ticks along the time axis
  const years: number[] = [];
  for (let yr = new Date(x0).getUTCFullYear() + 1; Date.UTC(yr, 0, 1) <= x1; yr++) years.push(yr);
  return (
    <svg className="tg-timeline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" data-testid="tg-timeline" data-points={pts.length}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
          <text x={L - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#868e96">{fmt(v, 0)}</text>
        </g>
      ))}
      <line x1={L} x2={L} y1={T} y2={H - B} stroke="#adb5bd" />
      <line x1={L} x2={W - R} y1={H - B} y2={H - B} stroke="#adb5bd" />
      {years.map((yr) => {
        const at = x(`${yr}-01-01`);
        return <g key={yr}><line x1={at} x2={at} y1={H - B} y2={H - B + 4} stroke="#adb5bd" /><text x={at} y={H - 2} textAnchor="middle" fontSize="10" fill="#adb5bd">{yr}</text></g>;
      })}
      {target && (
        <g data-testid="tg-timeline-target">
          <line x1={L} x2={W - R} y1={y(target.value)} y2={y(target.value)} stroke="#e8590c" strokeDasharray="6 4" />
          <line x1={x(target.deadline)} x2={x(target.deadline)} y1={T} y2={H - B} stroke="#e8590c" strokeDasharray="2 3" />
          <text x={Math.min(x(target.deadline), W - R) - 4} y={y(target.value) - 5} textAnchor="end" fontSize="11" fill="#e8590c">
            {t('tg_timeline_target', { value: fmt(target.value, 1), deadline: target.deadline })}
          </text>
          {first && <line x1={x(first.date)} y1={y(first.value)} x2={x(target.deadline)} y2={y(target.value)} stroke="#adb5bd" strokeDasharray="4 4" />}
        </g>
      )}
      {pts.length > 1 && <polyline points={pts.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')} fill="none" stroke="#1c7ed6" strokeWidth={2} />}
      {pts.map((p, k) => (
        <g key={`${p.label}${p.date}`} data-testid="tg-timeline-point" data-value={p.value}>
          <title>{`${p.label} · ${p.date} · ${fmt(p.value, 1)}`}</title>
          <circle cx={x(p.date)} cy={y(p.value)} r={4} fill="#1c7ed6" />
          <text x={x(p.date)} y={y(p.value) - 8 - row[k] * 13} textAnchor="middle" fontSize="11" fill="#1c7ed6">{fmt(p.value, 1)}</text>
          <text x={x(p.date)} y={H - B + 14 + row[k] * 13} textAnchor={row[k] ? 'start' : row[k + 1] === 1 ? 'end' : 'middle'} fontSize="11" fill="#495057">{p.label}</text>
        </g>
      ))}
      {now?.value != null && (
        <g data-testid="tg-timeline-now" data-value={now.value}>
          <circle cx={x(now.date)} cy={y(now.value)} r={5} fill="#fff" stroke="#1c7ed6" strokeWidth={2} />
          <text x={x(now.date) + 8} y={y(now.value) + 4} fontSize="11" fill="#1c7ed6">{t('tg_timeline_now')} {fmt(now.value, 1)}</text>
        </g>
      )}
    </svg>
  );
}
