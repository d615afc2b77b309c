import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { featureLabel } from '../../core/model';
import { JOIN_KINDS, joinableFields, joinLeftOut, type JoinKind } from '../../core/join';
import { DEFAULTS, DENSITY_BY_PERIOD, DENSITY_UNKNOWN_YEAR } from '../../core/rules';
import { useStore } from '../../store/useStore';
import { applyJoinSession, estimateCommunityHouseholds, joinMessageKey, openSession, sessionPairs, useJoin } from '../../store/joinActions';
import { Modal } from './Modal';

const close = () => useJoin.setState({ session: null, error: null });

const say = joinMessageKey;

/**
 * The join review (issue 15): the layer it goes to (a 小区 list to the communities, a facility list
 * to the facilities: proposed from the table's columns, changeable), what matched by itself, the
 * rows the planner decides (near names, shared names, conflicts — each with its candidates, best
 * first), the rows matching nothing and the fields the table writes. Applying is one undoable
 * change; the decisions are kept with the workspace and applied again when the layer is imported again.
 */
export function JoinDialog() {
  const { t } = useTranslation();
  const session = useJoin((j) => j.session);
  const error = useJoin((j) => j.error);
  const layers = useStore((s) => s.layers);
  const [showMatched, setShowMatched] = useState(false);
  if (error) {
    return (
      <Modal title={t('jn_button')} onClose={close} testId="join-dialog" footer={<button type="button" onClick={close}>{t('close')}</button>}>
        <p className="error" role="alert" data-testid="join-error">{error}</p>
      </Modal>
    );
  }
  const layer = session ? layers[session.kind] : null;
  if (!session || !layer) return null;
  const { kind, table, plan, mapping, decisions } = session;
  const name = (f: number) => featureLabel(layer.fc.features[f]?.properties, f);
  const targets = JOIN_KINDS.filter((k) => layers[k]);
  const row = (r: number) => String((mapping.name && table.rows[r][mapping.name]) ?? (mapping.id && table.rows[r][mapping.id]) ?? r + 2);
  const fields = joinableFields(kind).filter((k) => mapping[k]).map((k) => `${mapping[k]} → ${t(`io_field_${k}`, { defaultValue: k })}`);
  const pairs = sessionPairs(session);
  const decide = (r: number, f: number | null) => useJoin.setState({ session: { ...session, decisions: { ...decisions, [r]: f } } });
  const footer = (
    <>
      <button type="button" onClick={close} data-testid="join-cancel">{t('cancel')}</button>
      <button type="button" className="primary" disabled={!pairs.length || !fields.length} onClick={applyJoinSession} data-testid="join-apply">
        {t('jn_apply', { count: pairs.length })}
      </button>
    </>
  );
  return (
    <Modal title={t(say('jn_title', kind), { name: table.name })} onClose={close} footer={footer} testId="join-dialog" wide>
      {targets.length > 1 && (
        <div className="field">
          <label htmlFor="join-target">{t('jn_target')}</label>
          <select id="join-target" value={kind} onChange={(e) => openSession(table, e.target.value as JoinKind)} data-testid="join-target">
            {targets.map((k) => <option key={k} value={k}>{t(`layer_${k}`)}</option>)}
          </select>
        </div>
      )}
      <p data-testid="join-summary" data-kind={kind} data-matched={plan.matches.length} data-review={plan.review.length} data-unmatched={plan.unmatchedRows.length}>
        {t(say('jn_summary', kind), { rows: table.rows.length, matched: plan.matches.length, review: plan.review.length, unmatched: plan.unmatchedRows.length, left: joinLeftOut(plan, layer.fc, kind).length })}
      </p>
      <p className={fields.length ? 'muted small' : 'error'}>{fields.length ? t('jn_fields', { fields: fields.join(', ') }) : t(say('jn_fields_none', kind))}</p>
      {plan.review.length > 0 && (
        <section className="io-section">
          <h3>{t('jn_review')}</h3>
          <table className="io-mapping" data-testid="join-review">
            <tbody>
              {plan.review.map((r) => (
                <tr key={r.row} data-testid={`join-review-${r.row}`}>
                  <td>{row(r.row)}</td>
                  <td className="muted small">{t(r.reason === 'similar' ? 'jn_reason_similar' : say(`jn_reason_${r.reason}`, kind))}</td>
                  <td>
                    <select
                      value={decisions[r.row] ?? ''}
                      data-testid={`join-choice-${r.row}`}
                      onChange={(e) => decide(r.row, e.target.value === '' ? null : Number(e.target.value))}
                    >
                      <option value="">{t('jn_none')}</option>
                      {r.candidates.map((c) => (
                        <option key={c.feature} value={c.feature}>{`${name(c.feature)} (${Math.round(c.score * 100)}%)`}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {plan.unmatchedRows.length > 0 && (
        <section className="io-section">
          <h3>{t(say('jn_unmatched', kind), { count: plan.unmatchedRows.length })}</h3>
          <p className="small" data-testid="join-unmatched">{plan.unmatchedRows.slice(0, 40).map(row).join('、')}{plan.unmatchedRows.length > 40 ? ' …' : ''}</p>
        </section>
      )}
      <section className="io-section">
        <button type="button" className="link" onClick={() => setShowMatched(!showMatched)}>{t('jn_matched', { count: plan.matches.length })} {showMatched ? '▲' : '▼'}</button>
        {showMatched && (
          <ul className="small" data-testid="join-matched">
            {plan.matches.slice(0, 200).map((m) => (
              <li key={m.row}>{row(m.row)} → {name(m.feature)} <span className="muted">({t(`jn_how_${m.how}`)})</span></li>
            ))}
          </ul>
        )}
      </section>
    </Modal>
  );
}

/** Household estimate (issue 15): method, floor area per household, default storeys; the densities shown. */
export function EstimateDialog() {
  const { t } = useTranslation();
  const open = useJoin((j) => j.estimateOpen);
  const hasBuildings = useStore((s) => !!s.layers.buildings?.fc.features.length);
  const [method, setMethod] = useState<'buildings' | 'area'>('buildings');
  const [floor, setFloor] = useState<number>(DEFAULTS.floorAreaPerHousehold);
  const [levels, setLevels] = useState<number>(DEFAULTS.buildingLevels);
  if (!open) return null;
  const dismiss = () => useJoin.setState({ estimateOpen: false });
  const footer = (
    <>
      <button type="button" onClick={dismiss}>{t('cancel')}</button>
      <button type="button" className="primary" data-testid="estimate-apply" onClick={() => estimateCommunityHouseholds({ method, floorAreaPerHousehold: floor, defaultLevels: levels })}>
        {t('es_apply')}
      </button>
    </>
  );
  return (
    <Modal title={t('es_title')} onClose={dismiss} footer={footer} testId="estimate-dialog">
      <p className="small">{t('es_intro')}</p>
      <fieldset className="io-section">
        <legend>{t('es_method')}</legend>
        <label className="check"><input type="radio" checked={method === 'buildings'} onChange={() => setMethod('buildings')} data-testid="estimate-method-buildings" /> {t('es_method_buildings')}</label>
        <label className="check"><input type="radio" checked={method === 'area'} onChange={() => setMethod('area')} data-testid="estimate-method-area" /> {t('es_method_area')}</label>
        {method === 'buildings' && !hasBuildings && <p className="muted small">{t('es_no_buildings')}</p>}
      </fieldset>
      <div className="field">
        <label>{t('es_floor_area')}</label>
        <input type="number" min={20} max={400} step={5} value={floor} onChange={(e) => Number(e.target.value) > 0 && setFloor(Number(e.target.value))} data-testid="estimate-floor" />
      </div>
      <div className="field">
        <label>{t('es_levels')}</label>
        <input type="number" min={1} max={60} step={1} value={levels} onChange={(e) => Number(e.target.value) >= 1 && setLevels(Number(e.target.value))} />
      </div>
      <p className="muted small">{t('es_density', { a: DENSITY_BY_PERIOD[0].householdsPerHectare, b: DENSITY_BY_PERIOD[1].householdsPerHectare, c: DENSITY_BY_PERIOD[2].householdsPerHectare, d: DENSITY_UNKNOWN_YEAR })}</p>
    </Modal>
  );
}
