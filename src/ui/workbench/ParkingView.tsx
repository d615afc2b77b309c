import { useEffect, useMemo, useRef, useState } from 'react';
import { featureLabel } from '../../core/model';
import { useTranslation } from 'react-i18next';
import type { ParkingTotals } from '../../core/analysis/parking';
import { useStore } from '../../store/useStore';
import { PARKING_GAP_STOPS, PLANNING_COLORS, parkingGapColor } from '../../map/planningPalette';
import { rgbaCss } from '../../map/palette';
import { fmt } from '../featureText';
import { applyRuleEdit, type RuleEdit } from '../../core/rules';
import { NumberField } from './NumberField';
import { VerificationBadge, flagOf } from './VerificationBadge';
import './planning.css';

const PAGE = 200;
const TOTALS: (keyof ParkingTotals)[] = ['demand', 'own', 'shared', 'supply', 'gap', 'communitiesWithGap', 'publicLots', 'publicSpaces', 'unusedPublicSpaces'];
type SortKey = 'gap' | 'gapPerHousehold' | 'demand' | 'name';

/** Parking supply and gap (DESIGN §4): the ratio and search radius, totals, and a row per community. */
export function ParkingView() {
  const { t } = useTranslation();
  const parking = useStore((s) => s.parking);
  const rules = useStore((s) => s.rules);
  const setRules = useStore((s) => s.setRules);
  const parkingLayer = useStore((s) => s.layers.parking);
  const communities = useStore((s) => s.layers.communities);
  const weights = useStore((s) => s.weights);
  const selected = useStore((s) => s.selectedCommunity);
  const select = useStore((s) => s.selectCommunity);
  const status = useStore((s) => s.analysisStatus);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<SortKey>('gap');
  const [limit, setLimit] = useState(PAGE);

  const edit = (field: 'ratio_per_household' | 'search_radius_m', value: number | null) => {
    const e: RuleEdit = { type: 'parking', [field]: value ?? NaN };
    const r = applyRuleEdit(rules, e);
    if (!r.rules) return setProblems({ ...problems, [field]: r.problems.map((p) => p.message).join('; ') });
    setProblems({ ...problems, [field]: '' });
    setRules(r.rules);
  };

  const rows = useMemo(() => {
    if (!parking || !communities || parking.communityCount !== communities.fc.features.length) return [];
    const hh = weights?.households;
    const out = Array.from({ length: parking.communityCount }, (_, c) => {
      const p = communities.fc.features[c].properties;
      const households = hh?.[c] ?? 0;
      const lots: string[] = [];
      for (let i = parking.usedOffsets[c]; i < parking.usedOffsets[c + 1]; i++) {
        const j = parking.usedLot[i];
        const name = featureLabel(parkingLayer?.fc.features[j]?.properties, j, parking.lots.ids[j]);
        lots.push(`${name}: ${fmt(parking.usedShare[i], 1)} (${fmt(parking.usedDistance[i])} m)`);
      }
      return {
        c,
        name: featureLabel(p, c),
        households,
        gapPerHousehold: households > 0 ? parking.gap[c] / households : parking.gap[c] > 0 ? Infinity : 0,
        lots,
      };
    });
    const by: Record<SortKey, (a: (typeof out)[number], b: (typeof out)[number]) => number> = {
      gap: (a, b) => parking.gap[b.c] - parking.gap[a.c],
      gapPerHousehold: (a, b) => b.gapPerHousehold - a.gapPerHousehold,
      demand: (a, b) => parking.demand[b.c] - parking.demand[a.c],
      name: (a, b) => a.name.localeCompare(b.name, 'zh'),
    };
    return out.sort((a, b) => by[sort](a, b) || a.c - b.c);
  }, [parking, communities, weights, parkingLayer, sort]);

  // a community selected on the map: bring its row into view
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (selected != null) table.current?.querySelector(`tr[data-testid="parking-row-${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const header = (key: SortKey | null, label: string, num = true) => (
    <th className={`${num ? 'num' : ''}${key ? ' sortable' : ''}${key === sort ? ' sorted' : ''}`} onClick={key ? () => setSort(key) : undefined}>
      {label}
      {key === sort ? ' ▼' : ''}
    </th>
  );

  return (
    <div className="pl-view pl-parking" data-testid="parking-view">
      <section className="pl-side">
        <h3>
          {t('pl_parking_rules')} <VerificationBadge flag={flagOf(rules.parking.verification, 'ratio_per_household')} what={rules.parking.source} />
        </h3>
        <div className="field">
          <label>{t('pl_ratio')}</label>
          <NumberField
            value={rules.parking.ratio_per_household}
            min={0}
            step={0.1}
            testId="parking-ratio"
            error={problems.ratio_per_household || null}
            onCommit={(v) => edit('ratio_per_household', v)}
          />
        </div>
        <div className="field">
          <label>{t('pl_search_radius')}</label>
          <NumberField
            value={rules.parking.search_radius_m}
            min={1}
            step={50}
            testId="parking-radius"
            error={problems.search_radius_m || null}
            onCommit={(v) => edit('search_radius_m', v)}
          />
          <span className="muted">m</span>
        </div>
        <p className="muted small">{t('pl_parking_hint')}</p>
        <div className="pl-legend vertical">
          <b>{t('pl_gap_per_household')}</b>
          {PARKING_GAP_STOPS.map((v) => (
            <span key={v}>
              <i className="pl-swatch" style={{ background: rgbaCss(parkingGapColor(v)) }} />
              {v === 0 ? t('pl_no_gap') : `${v}${v === PARKING_GAP_STOPS[PARKING_GAP_STOPS.length - 1] ? '+' : ''}`}
            </span>
          ))}
          <span><i className="pl-swatch round" style={{ background: rgbaCss(PLANNING_COLORS.parkingLotFill), borderColor: rgbaCss(PLANNING_COLORS.parkingLotLine) }} />{t('pl_legend_lot')}</span>
        </div>
      </section>
      <section className="pl-main">
        {!parkingLayer && <p className="pl-empty">{t('pl_no_parking')}</p>}
        {parkingLayer && !parking && <p className="pl-empty">{status === 'running' ? t('pl_wait_analysis') : t('pl_no_analysis')}</p>}
        {parking && (
          <>
            <div className="pl-cards">
              {TOTALS.map((k) => (
                <div key={k} className={`pl-card${k === 'gap' ? ' bad' : ''}`} data-testid={`parking-total-${k}`} data-value={parking.totals[k]}>
                  <b>{fmt(parking.totals[k])}</b>
                  <span>{t(`pl_total_${k}`)}</span>
                </div>
              ))}
            </div>
            {parking.issues.length > 0 && <p className="note">{t('pl_parking_issues', { count: parking.issues.length })}</p>}
            <table ref={table} className="pl-table" data-testid="parking-table">
              <thead>
                <tr>
                  {header('name', t('pl_name'), false)}
                  <th className="num">{t('pl_households')}</th>
                  {header('demand', t('pl_demand'))}
                  <th className="num">{t('pl_own')}</th>
                  <th className="num">{t('pl_shared')}</th>
                  <th className="num">{t('pl_supply')}</th>
                  {header('gap', t('pl_gap'))}
                  {header('gapPerHousehold', t('pl_gap_per_household'))}
                  <th>{t('pl_lots_used')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, limit).map((r) => (
                  <tr
                    key={r.c}
                    data-testid={`parking-row-${r.c}`}
                    data-gap={parking.gap[r.c]}
                    data-demand={parking.demand[r.c]}
                    data-supply={parking.supply[r.c]}
                    className={r.c === selected ? 'active' : ''}
                    onClick={() => select(r.c)}
                  >
                    <td className="pl-name">{r.name}</td>
                    <td className="num">{fmt(r.households)}</td>
                    <td className="num">{fmt(parking.demand[r.c], 1)}</td>
                    <td className="num">{parking.ownKnown[r.c] ? fmt(parking.own[r.c]) : <span className="muted" title={t('pl_own_unknown')}>?</span>}</td>
                    <td className="num">{fmt(parking.shared[r.c], 1)}</td>
                    <td className="num">{fmt(parking.supply[r.c], 1)}</td>
                    <td className={`num${parking.gap[r.c] > 0 ? ' bad' : ''}`}>{fmt(parking.gap[r.c], 1)}</td>
                    <td className="num">
                      <i className="pl-swatch" style={{ background: rgbaCss(parkingGapColor(r.gapPerHousehold)) }} />
                      {Number.isFinite(r.gapPerHousehold) ? r.gapPerHousehold.toFixed(2) : '—'}
                    </td>
                    <td className="pl-lots" title={r.lots.join('\n')}>{r.lots.length ? `${r.lots.length} · ${r.lots[0]}${r.lots.length > 1 ? ' …' : ''}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > limit && (
              <button type="button" className="link" onClick={() => setLimit(limit + PAGE * 5)}>
                {t('pl_show_more', { shown: limit, total: rows.length })}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
