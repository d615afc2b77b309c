import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { featureLabel, subdistrictOf } from '../../core/model';
import { useStore } from '../../store/useStore';
import { DEFAULTS, effectiveRadius, orderedLevels } from '../../core/rules';
import { choiceLevelTotals, choiceUnitTotals, type Decay } from '../../core/analysis/choice';
import { categoryName, fmt } from '../featureText';
import { rgbaCss } from '../../map/palette';
import { CHOICE_COLORS, SURFACE_BINS, SURFACE_UNREACHABLE } from '../../map/accessPalette';
import { NumberField } from './NumberField';
import { exportSurfaceGeoJson, exportSurfacePng } from './accessExport';
import './planning.css';

const CELLS = [25, 50, 100] as const;
const DEFAULT_PARAM: Record<Decay['kind'], number> = { cumulative: 0, linear: 0, exponential: 0.003, gaussian: 300 };

/**
 * Beyond yes/no (issue 13, DESIGN §4): per category how many facilities each community has within
 * the radius, dual access (second-nearest), gravity access and the two-step floating catchment with
 * the rule set's norms; and an accessibility surface (walking minutes from every cell).
 */
export function AccessView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rules = useStore((s) => s.rules);
  const choice = useStore((s) => s.choice);
  const status = useStore((s) => s.choiceStatus);
  const progress = useStore((s) => s.choiceProgress);
  const error = useStore((s) => s.choiceError);
  const decay = useStore((s) => s.choiceDecay);
  const weighted = useStore((s) => s.choiceWeighted);
  const setDecay = useStore((s) => s.setChoiceDecay);
  const setWeighted = useStore((s) => s.setChoiceWeighted);
  const activeCategory = useStore((s) => s.activeCategory);
  const coloring = useStore((s) => s.coloring);
  const analysisDone = useStore((s) => s.analysisStatus === 'done');
  const network = useStore((s) => s.analysisSettings.mode === 'network' && !!s.layers.network);
  const maxSnap = useStore((s) => s.analysisSettings.maxSnap);
  const communitiesLayer = useStore((s) => s.layers.communities);

  const param = decay.kind === 'exponential' ? decay.beta : decay.kind === 'gaussian' ? decay.sigma : null;
  const setKind = (kind: Decay['kind']) => {
    const p = DEFAULT_PARAM[kind];
    setDecay(kind === 'exponential' ? { kind, beta: p } : kind === 'gaussian' ? { kind, sigma: p } : { kind });
  };
  const pick = (id: string) => {
    const s = useStore.getState();
    s.setActiveCategory(id);
    s.setColoring('choice');
  };

  const C = choice?.communityCount ?? 0;
  const rows = (choice?.categoryIds ?? []).map((id, k) => {
    let n = 0, two = 0, none = 0;
    for (let c = 0; c < C; c++) {
      const x = choice!.count[k * C + c];
      n += x;
      if (x >= 2) two++;
      if (x === 0) none++;
    }
    const cat = rules.categories.find((x) => x.id === id);
    return { id, k, cat, mean: C ? n / C : NaN, two, none, supply: choice!.supply[k] };
  });

  return (
    <div className="pl-view pl-access" data-testid="access-view">
      <section className="pl-side">
        <h3>{t('ac_gravity')}</h3>
        <div className="field">
          <label htmlFor="access-decay">{t('ac_decay')}</label>
          <select id="access-decay" data-testid="access-decay" value={decay.kind} onChange={(e) => setKind(e.target.value as Decay['kind'])}>
            {(['cumulative', 'linear', 'exponential', 'gaussian'] as const).map((k) => (
              <option key={k} value={k}>{t(`ac_decay_${k}`)}</option>
            ))}
          </select>
        </div>
        {param !== null && (
          <div className="field">
            <label>{t(decay.kind === 'exponential' ? 'ac_beta' : 'ac_sigma')}</label>
            <NumberField
              value={param}
              min={decay.kind === 'exponential' ? 0.00001 : 1}
              step={decay.kind === 'exponential' ? 0.001 : 50}
              testId="access-param"
              error={null}
              onCommit={(v) => v !== null && v > 0 && setDecay(decay.kind === 'exponential' ? { kind: 'exponential', beta: v } : { kind: 'gaussian', sigma: v })}
            />
          </div>
        )}
        <label className="check">
          <input type="checkbox" data-testid="access-weighted" checked={weighted} onChange={(e) => setWeighted(e.target.checked)} /> {t('ac_weighted')}
        </label>
        <p className="muted small">{t('ac_limit_note', { factor: DEFAULTS.gravityLimitFactor })}</p>
        {activeCategory && (
          <div className="pl-legend vertical" data-testid="access-count-legend">
            <b>{t('ac_count_legend', { category: categoryName(rules, activeCategory, lang) })}</b>
            {CHOICE_COLORS.map((c, i) => (
              <span key={i}>
                <i className="pl-swatch" style={{ background: rgbaCss(c) }} />
                {i === 3 ? t('ac_count_3') : i}
              </span>
            ))}
            {coloring !== 'choice' && (
              <button type="button" className="link" onClick={() => pick(activeCategory)}>{t('ac_colour_by_count')}</button>
            )}
          </div>
        )}
        <SurfaceControls network={network} maxSnap={maxSnap} />
      </section>
      <section className="pl-main">
        {!analysisDone && <p className="pl-empty">{t('ac_wait')}</p>}
        {status === 'running' && <p className="muted" data-testid="access-running">{t('ac_computing', { pct: Math.round(progress * 100) })}</p>}
        {status === 'error' && <p className="error" role="alert">{error}</p>}
        {choice && (
          <table className="pl-table" data-testid="access-table">
            <thead>
              <tr>
                <th>{t('ac_category')}</th>
                <th className="num">{t('ac_radius')}</th>
                <th className="num">{t('ac_mean_count')}</th>
                <th className="num">{t('ac_two_or_more')}</th>
                <th className="num">{t('ac_none')}</th>
                <th className="num">{t('ac_facilities')}</th>
                <th className="num">{t('ac_places')}</th>
                <th className="num">{t('ac_needed')}</th>
                <th className="num">{t('ac_gap')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.id}
                  data-testid={`access-row-${r.id}`}
                  data-mean={r.mean}
                  data-two={r.two}
                  data-gap={r.supply?.gap ?? ''}
                  data-places={r.supply && r.supply.withoutCapacity < r.supply.facilities ? r.supply.places : ''}
                  className={r.id === activeCategory ? 'active' : ''}
                  onClick={() => pick(r.id)}
                >
                  <td>
                    {categoryName(rules, r.id, lang)}
                    {(r.cat?.min_count ?? 1) > 1 && <span className="muted small"> · {t('ac_min_count', { n: r.cat!.min_count })}</span>}
                  </td>
                  <td className="num">{r.cat ? fmt(effectiveRadius(r.cat, rules)) : '—'}</td>
                  <td className="num">{fmt(r.mean, 2)}</td>
                  <td className="num">{fmt(r.two)}</td>
                  <td className={`num${r.none > 0 ? ' bad' : ''}`}>{fmt(r.none)}</td>
                  <td className="num">{fmt(r.supply?.facilities)}</td>
                  <td className="num">
                    {r.supply && r.supply.withoutCapacity < r.supply.facilities ? fmt(r.supply.places) : '—'}
                    {r.supply && r.supply.withoutCapacity > 0 && r.supply.withoutCapacity < r.supply.facilities && (
                      <span className="muted small"> ({t('ac_without_capacity', { count: r.supply.withoutCapacity })})</span>
                    )}
                  </td>
                  <td className="num">{r.supply && Number.isFinite(r.supply.needed) ? fmt(r.supply.needed) : <span className="muted">{t('ac_no_norm')}</span>}</td>
                  <td className={`num${r.supply && r.supply.gap > 0 ? ' bad' : ''}`}>{r.supply && Number.isFinite(r.supply.gap) ? fmt(r.supply.gap) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {choice && (() => {
          const levels = choiceLevelTotals(choice, new Map(rules.categories.map((c) => [c.id, c.level])));
          if (!levels.length) return null;
          return (
            <p className="access-levels" data-testid="access-levels">
              {levels.map((l) => (
                <span key={l.levelId} data-testid={`access-level-${l.levelId}`} data-gap={l.gap}>
                  {t(`level_${l.levelId}`, { defaultValue: l.levelId })}: {t('ac_level_gap', { needed: fmt(l.needed), gap: fmt(l.gap), communities: l.communitiesShort })}{' '}
                </span>
              ))}
            </p>
          );
        })()}
        {choice && communitiesLayer && (() => {
          const units = choiceUnitTotals(choice, communitiesLayer.fc.features.map((f) => subdistrictOf(f.properties)));
          if (units.length < 2) return null;
          const ids = [...new Set(units.flatMap((u) => Object.keys(u.categories)))];
          return (
            <table className="pl-table" data-testid="access-units">
              <thead><tr><th>{t('ac_unit')}</th>{ids.map((id) => <th key={id} className="num">{t('ac_unit_gap', { category: categoryName(rules, id, lang) })}</th>)}</tr></thead>
              <tbody>{units.map((u) => <tr key={u.unit}><td>{u.unit || t('ac_unit_none')}</td>{ids.map((id) => <td key={id} className="num">{u.categories[id] ? `${fmt(u.categories[id].gap)} / ${fmt(u.categories[id].needed)}` : '—'}</td>)}</tr>)}</tbody>
            </table>
          );
        })()}
        {choice && activeCategory && <CommunityChoiceTable categoryId={activeCategory} />}
      </section>
    </div>
  );
}

type ChoiceSort = 'count' | 'second' | 'access' | 'fca' | 'gap' | 'name';
const PAGE = 200;

/** Per community for one category: count within the radius, second-nearest, gravity, 2SFCA and gap; sortable. */
function CommunityChoiceTable({ categoryId }: { categoryId: string }) {
  const { t, i18n } = useTranslation();
  const choice = useStore((s) => s.choice)!;
  const communities = useStore((s) => s.layers.communities);
  const rules = useStore((s) => s.rules);
  const selected = useStore((s) => s.selectedCommunity);
  const select = useStore((s) => s.selectCommunity);
  const [sort, setSort] = useState<ChoiceSort>('count');
  const [limit, setLimit] = useState(PAGE);
  const k = choice.categoryIds.indexOf(categoryId);
  const C = choice.communityCount;
  const rows = useMemo(() => {
    if (k < 0 || !communities || communities.fc.features.length !== C) return [];
    const at = (c: number) => k * C + c;
    const num = (x: number, missing: number) => (Number.isFinite(x) ? x : missing);
    const by: Record<ChoiceSort, (a: number, b: number) => number> = {
      // fewest choices first, then the farthest second-nearest: where dual access is weakest
      count: (a, b) => choice.count[at(a)] - choice.count[at(b)] || num(choice.second[at(b)], 1e12) - num(choice.second[at(a)], 1e12),
      second: (a, b) => num(choice.second[at(b)], 1e12) - num(choice.second[at(a)], 1e12),
      access: (a, b) => choice.access[at(a)] - choice.access[at(b)],
      fca: (a, b) => num(choice.fca[at(a)], 1e12) - num(choice.fca[at(b)], 1e12),
      gap: (a, b) => num(choice.placesGap[at(b)], -1) - num(choice.placesGap[at(a)], -1),
      name: (a, b) => featureLabel(communities.fc.features[a].properties, a).localeCompare(featureLabel(communities.fc.features[b].properties, b), 'zh'),
    };
    return Array.from({ length: C }, (_, c) => c).sort((a, b) => by[sort](a, b) || a - b);
  }, [choice, communities, k, C, sort]);
  if (k < 0 || !choice.supply[k]) return null;
  const hasFca = choice.supply[k]!.withoutCapacity < choice.supply[k]!.facilities;
  const hasNorm = Number.isFinite(choice.supply[k]!.needed);
  const header = (key: ChoiceSort, label: string, num = true) => (
    <th className={`${num ? 'num' : ''} sortable${key === sort ? ' sorted' : ''}`} data-testid={`access-sort-${key}`} onClick={() => setSort(key)}>
      {label}
      {key === sort ? ' ▼' : ''}
    </th>
  );
  return (
    <>
      <h4>{categoryName(rules, categoryId, i18n.language)} · {t('ac_per_community')}</h4>
      <table className="pl-table" data-testid="access-communities">
        <thead>
          <tr>
            {header('name', t('pl_name'), false)}
            {header('count', t('ac_card_count'))}
            {header('second', t('ac_card_second'))}
            {header('access', t('ac_gravity'))}
            {hasFca && header('fca', t('ac_card_fca'))}
            {hasNorm && header('gap', t('ac_gap'))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((c) => (
            <tr key={c} data-testid={`access-community-${c}`} data-count={choice.count[k * C + c]} className={c === selected ? 'active' : ''} onClick={() => select(c)}>
              <td className="pl-name">{featureLabel(communities?.fc.features[c].properties, c)}</td>
              <td className={`num${choice.count[k * C + c] === 0 ? ' bad' : ''}`}>{choice.count[k * C + c]}</td>
              <td className="num">{fmt(choice.second[k * C + c])}</td>
              <td className="num">{fmt(choice.access[k * C + c], 2)}</td>
              {hasFca && <td className="num">{fmt(choice.fca[k * C + c], 2)}</td>}
              {hasNorm && <td className={`num${choice.placesGap[k * C + c] > 0 ? ' bad' : ''}`}>{fmt(choice.placesGap[k * C + c], 1)}</td>}
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
  );
}

/** The surface's controls, legend, clicked-cell breakdown and exports. */
function SurfaceControls({ network, maxSnap }: { network: boolean; maxSnap: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rules = useStore((s) => s.rules);
  const want = useStore((s) => s.surfaceChoice);
  const setWant = useStore((s) => s.setSurfaceChoice);
  const surface = useStore((s) => s.surface);
  const status = useStore((s) => s.surfaceStatus);
  const error = useStore((s) => s.surfaceError);
  const cell = useStore((s) => s.surfaceCell);
  const activeCategory = useStore((s) => s.activeCategory);
  const levels = orderedLevels(rules);
  const of = want?.of ?? (activeCategory ? { categoryId: activeCategory } : { levelId: levels[levels.length - 1]?.id ?? '' });
  const ofValue = 'categoryId' in of ? `c:${of.categoryId}` : `l:${of.levelId}`;
  const size = want?.cell ?? 50;
  const show = (value: string, cellSize: number) => setWant({ of: value.startsWith('c:') ? { categoryId: value.slice(2) } : { levelId: value.slice(2) }, cell: cellSize });
  const levelName = (id: string) => {
    const l = rules.levels.find((x) => x.id === id);
    return l ? (lang.startsWith('zh') ? l.name_zh : l.name_en) : id;
  };
  const speed = rules.walk.speed_m_per_min;
  const at = cell && surface ? cell.row * surface.grid.nx + cell.col : -1;
  const minutes = (d: number) => (Number.isFinite(d) ? `${fmt(d / speed, 1)} min · ${fmt(d)} m` : t('ac_surface_unreachable'));

  if (!network) return <p className="muted small">{t('ac_network_only')}</p>;
  return (
    <div className="access-surface" data-testid="access-surface">
      <h3>{t('ac_surface')}</h3>
      <div className="field">
        <label htmlFor="access-surface-of">{t('ac_surface_of')}</label>
        <select id="access-surface-of" data-testid="access-surface-of" value={ofValue} onChange={(e) => show(e.target.value, size)}>
          {levels.map((l) => (
            <option key={l.id} value={`l:${l.id}`}>{t('ac_surface_level', { level: levelName(l.id) })}</option>
          ))}
          {rules.categories.map((c) => (
            <option key={c.id} value={`c:${c.id}`}>{categoryName(rules, c.id, lang)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="access-cell">{t('ac_cell')}</label>
        <select id="access-cell" data-testid="access-cell-size" value={size} onChange={(e) => show(ofValue, Number(e.target.value))}>
          {CELLS.map((c) => (
            <option key={c} value={c}>{c} m</option>
          ))}
        </select>
      </div>
      <div className="row">
        <button type="button" data-testid="access-show-surface" onClick={() => show(ofValue, size)}>{t('ac_show_surface')}</button>
        {want && <button type="button" className="link" onClick={() => setWant(null)}>{t('ac_hide_surface')}</button>}
      </div>
      {status === 'running' && <p className="muted">{t('ac_surface_running')}</p>}
      {status === 'error' && <p className="error" role="alert">{error}</p>}
      {want && surface && (
        <>
          <div className="pl-legend vertical" data-testid="access-surface-legend">
            <b>{t('ac_surface_minutes', { speed })}</b>
            {SURFACE_BINS.map((b, i) => (
              <span key={i}>
                <i className="pl-swatch" style={{ background: rgbaCss(b.color) }} />
                {Number.isFinite(b.upTo) ? `${i === 0 ? 0 : SURFACE_BINS[i - 1].upTo}–${b.upTo}` : `> ${SURFACE_BINS[i - 1].upTo}`}
              </span>
            ))}
            <span><i className="pl-swatch" style={{ background: rgbaCss(SURFACE_UNREACHABLE) }} />{t('ac_surface_unreachable')}</span>
          </div>
          <p className="muted small">
            {t('ac_surface_cells', { cells: fmt(Array.from(surface.value).filter((v) => !Number.isNaN(v)).length), cell: surface.grid.cell })} · {t('ac_surface_empty', { m: maxSnap })}
          </p>
          <div className="access-cell" data-testid="access-cell">
            {at < 0 ? (
              <span className="muted small">{t('ac_cell_hint')}</span>
            ) : (
              <>
                <b>{t('ac_cell_title', { col: cell!.col, row: cell!.row })}</b>
                {Number.isNaN(surface.value[at]) ? (
                  <div className="muted">{t('ac_cell_nothing', { m: maxSnap })}</div>
                ) : (
                  <ul>
                    {surface.parts.length > 1 && <li><b>{minutes(surface.value[at])}</b></li>}
                    {surface.parts.map((p) => (
                      <li key={p.categoryId} data-testid={`access-cell-${p.categoryId}`} data-value={p.value[at]}>
                        {categoryName(rules, p.categoryId, lang)}: {minutes(p.value[at])}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
          <div className="row">
            <button type="button" data-testid="access-export-geojson" onClick={() => exportSurfaceGeoJson(surface, rules, lang)}>{t('ac_export_geojson')}</button>
            <button type="button" data-testid="access-export-png" onClick={() => exportSurfacePng(surface, rules, lang, t)}>{t('ac_export_png')}</button>
          </div>
        </>
      )}
    </div>
  );
}
