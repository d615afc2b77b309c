import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/useStore';
import { selectSnapshotCompare } from '../../store/selectMonitor';
import { fmt } from '../featureText';

/**
 * Two snapshots side by side (issue 14): pick the pair, read the indicator deltas, the facilities
 * added and removed; the map shows the same comparison (communities gaining or losing coverage,
 * the facilities marked) while the view is open.
 */
export function SnapshotCompare({ indicatorName }: { indicatorName: (id: string) => string }) {
  const { t } = useTranslation();
  const snapshots = useStore((s) => s.snapshots);
  const [i, j] = useStore((s) => s.snapshotPair);
  const setPair = useStore((s) => s.setSnapshotPair);
  const view = useStore(selectSnapshotCompare);
  if (snapshots.length < 2) return null;
  const option = (k: number) => <option key={k} value={k}>{snapshots[k].label} ({snapshots[k].date})</option>;
  return (
    <section data-testid="tg-compare">
      <p>
        <select value={i} onChange={(e) => setPair([Number(e.target.value), j])} data-testid="tg-compare-a">{snapshots.map((_, k) => option(k))}</select>
        {' → '}
        <select value={j} onChange={(e) => setPair([i, Number(e.target.value)])} data-testid="tg-compare-b">{snapshots.map((_, k) => option(k))}</select>
      </p>
      {view && (
        <>
          <p className="small" data-testid="tg-map-changes" data-gained={view.gained} data-lost={view.lost}>
            {t('tg_map_changes', { a: view.a.label, b: view.b.label, gained: view.gained, lost: view.lost })}
          </p>
          <p data-testid="tg-facilities" data-added={view.cmp.facilitiesAdded.length} data-removed={view.cmp.facilitiesRemoved.length}>
            {t('tg_facilities_changed', { added: view.cmp.facilitiesAdded.length, removed: view.cmp.facilitiesRemoved.length })}
          </p>
          <table className="pl-table" data-testid="tg-deltas">
            <thead><tr><th>{t('tg_indicator')}</th><th className="num">{view.a.label}</th><th className="num">{view.b.label}</th><th className="num">{t('tg_col_delta')}</th></tr></thead>
            <tbody>
              {view.cmp.indicators.filter((d) => d.delta !== 0 && d.delta !== null).map((d) => (
                <tr key={d.id} data-testid={`tg-delta-${d.id}`} data-delta={d.delta ?? ''}>
                  <td>{indicatorName(d.id)}</td><td className="num">{fmt(d.before, 1)}</td><td className="num">{fmt(d.after, 1)}</td>
                  <td className="num">{d.delta! > 0 ? '+' : ''}{fmt(d.delta, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
