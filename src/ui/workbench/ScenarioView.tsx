import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULTS, residentsPerSite } from '../../core/rules';
import { LINK_JOIN_M, type ScenarioEdit } from '../../core/scenario';
import { useStore } from '../../store/useStore';
import {
  acceptSuggestion, activeEditsGeoJson, activeScenario, cancelSuggestion, clearSuggestionCandidates, compareWith, importEdits, newScenario, redoEdit,
  removeScenario, runSuggestion, selectScenario, undoEdit,
} from '../../store/scenarioActions';
import type { ScenarioTool } from '../../store/scenarioSlice';
import { activeMap } from '../../map/mapHandle';
import { rgbaCss } from '../../map/palette';
import { SCENARIO_COLORS } from '../../map/scenarioPalette';
import { downloadText, fileSafe } from '../../util/download';
import { categoryName, fmt } from '../featureText';
import './planning.css';

type ToolKind = ScenarioTool['kind'];
const TOOLS: (keyof typeof TOOL_LABEL)[] = ['add-facility', 'move', 'delete', 'park', 'parking', 'link', 'close', 'gate'];
const TOOL_LABEL: Record<Exclude<ToolKind, 'suggest-area' | 'suggest-points'>, string> = {
  'add-facility': 'sc_tool_add', move: 'sc_tool_move', delete: 'sc_tool_delete', park: 'sc_tool_park', parking: 'sc_tool_parking',
  link: 'sc_tool_link', close: 'sc_tool_close', gate: 'sc_tool_gate',
};

function editText(t: (k: string, o?: Record<string, unknown>) => string, e: ScenarioEdit, category: (id: string) => string): string {
  switch (e.op) {
    case 'add':
      return e.layer === 'facilities' ? t('sc_edit_add_facilities', { category: category(String(e.properties.category ?? '')) }) : t(`sc_edit_add_${e.layer}`);
    case 'move':
      return t('sc_edit_move', { id: e.target_id });
    case 'delete':
      return t('sc_edit_delete', { id: e.target_id });
    case 'close':
      return t('sc_edit_close');
    case 'add_entrance':
      return t('sc_edit_add_entrance', { id: e.target_id });
  }
}

/** The current map view as a polygon (the candidate area of a site suggestion). */
function viewArea() {
  const b = activeMap()?.getBounds();
  if (!b) return null;
  const [w, s, e, n] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  return { type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

/**
 * Scenarios (issue 11): named edit lists over the baseline — new, removed facilities, footpaths,
 * closures, gates — drawn on the map, with undo/redo; the before/after by category and level (the
 * map colours communities that gain or lose); and suggested sites that can be added to the scenario.
 */
export function ScenarioView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rules = useStore((s) => s.rules);
  const scenarios = useStore((s) => s.scenarios);
  const activeId = useStore((s) => s.activeScenarioId);
  const compareId = useStore((s) => (s.compareScenarioId && s.compareScenarioId !== s.activeScenarioId ? s.compareScenarioId : null));
  const active = useStore((s) => activeScenario(s));
  const redo = useStore((s) => s.scenarioRedo);
  const tool = useStore((s) => s.scenarioTool);
  const setTool = useStore((s) => s.setScenarioTool);
  const status = useStore((s) => s.scenarioStatus);
  const diff = useStore((s) => s.scenarioDiff);
  const problems = useStore((s) => s.scenarioProblems);
  const scenarioError = useStore((s) => s.scenarioError);
  const suggestionError = useStore((s) => s.suggestionError);
  const suggestion = useStore((s) => s.suggestion);
  const suggestionStatus = useStore((s) => s.suggestionStatus);
  const suggestionProgress = useStore((s) => s.suggestionProgress);
  const pushMessage = useStore((s) => s.pushMessage);
  const baselineStatus = useStore((s) => s.analysisStatus);
  const categories = rules.categories.filter((c) => c.level !== 'block');
  const [category, setCategory] = useState<string>(() => categories.find((c) => c.id === 'kindergarten')?.id ?? categories[0]?.id ?? '');
  const [k, setK] = useState(3);
  const [capacity, setCapacity] = useState('');
  const [oldOnly, setOldOnly] = useState(false);
  const [spaces, setSpaces] = useState(100);
  const drawnArea = useStore((s) => s.suggestionArea);
  const candidatePoints = useStore((s) => s.suggestionPoints);
  const catName = (id: string) => categoryName(rules, id, lang);

  const pickTool = (kind: ToolKind) => {
    if (tool?.kind === kind) return setTool(null);
    setTool(kind === 'add-facility' ? { kind, category } : kind === 'move' ? { kind, target: null } : kind === 'parking' ? { kind, spaces } : ({ kind } as ScenarioTool));
  };
  const hint = !tool ? null
    : tool.kind === 'add-facility' ? t('sc_tool_hint_add', { category: catName(tool.category) })
      : tool.kind === 'move' ? t(tool.target ? 'sc_tool_hint_move_to' : 'sc_tool_hint_move')
        : tool.kind === 'parking' ? t('sc_tool_hint_parking', { spaces: tool.spaces })
          : tool.kind === 'link' ? t('sc_tool_hint_link', { m: LINK_JOIN_M })
          : t(`sc_tool_hint_${tool.kind.replace('-', '_')}`);

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const bad = importEdits(file.name, JSON.parse(await file.text()));
      if (bad.length) pushMessage('warning', t('sc_imported_problems', { name: file.name, count: bad.length, first: bad[0].index + 1, detail: lang.startsWith('zh') ? bad[0].detail_zh : bad[0].detail }));
    } catch (err) {
      pushMessage('error', `${file.name}: ${(err as Error).message}`);
    }
  };
  const onExport = () => {
    const gj = activeEditsGeoJson();
    if (gj && active) downloadText(JSON.stringify(gj), `lifecircle-scenario-${fileSafe(active.name)}.geojson`, 'application/geo+json');
  };
  // with a norm (千人指标) the planner gives a site's places; the norm turns them into residents
  const normed = rules.categories.find((c) => c.id === category)?.norm ? rules.categories.find((c) => c.id === category)! : null;
  const suggest = () => {
    const cap = Number(capacity);
    const residents = !(capacity.trim() && cap > 0) ? null : normed ? residentsPerSite(cap, normed, DEFAULTS.elderlyShare) : cap;
    const common = { categoryId: category, k, capacity: residents, oldOnly };
    if (candidatePoints.length) return void runSuggestion({ ...common, candidates: Float64Array.from(candidatePoints.flat()) });
    const area = drawnArea ?? viewArea();
    if (area) void runSuggestion({ ...common, area });
  };
  const changedCats = diff?.categories.filter((c) => c.gained.communities || c.lost.communities) ?? [];
  const totals = suggestion?.picks.reduce((a, p) => ({ population: a.population + p.gainPopulation, households: a.households + p.gainHouseholds }), { population: 0, households: 0 });

  if (baselineStatus !== 'done') return <p className="pl-empty">{t(baselineStatus === 'running' ? 'pl_wait_analysis' : 'pl_no_analysis')}</p>;

  return (
    <div className="pl-view pl-scenario" data-testid="scenario-view">
      <section className="pl-side">
        <div className="sc-row">
          <select value={activeId ?? ''} onChange={(e) => selectScenario(e.target.value || null)} data-testid="sc-select" aria-label={t('sc_tab')}>
            <option value="">{t('sc_baseline')}</option>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => newScenario()} data-testid="sc-new">
            {t('sc_new')}
          </button>
        </div>
        {active && scenarios.length > 1 && (
          <label className="sc-row small">
            {t('sc_compare_with')}
            <select value={compareId ?? ''} onChange={(e) => compareWith(e.target.value || null)} data-testid="sc-compare">
              <option value="">{t('sc_baseline')}</option>
              {scenarios
                .filter((s) => s.id !== active.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        <div className="sc-row small">
          {active && (
            <>
              <button type="button" className="link" onClick={onExport} data-testid="sc-export">
                {t('sc_export')}
              </button>
              <button type="button" className="link" onClick={() => removeScenario(active.id)} data-testid="sc-delete">
                {t('sc_delete')}
              </button>
            </>
          )}
          <label className="link">
            {t('sc_import')}
            <input type="file" accept=".geojson,.json,application/geo+json" hidden onChange={(e) => void onImport(e)} data-testid="sc-import" />
          </label>
        </div>
        <h3>{t('sc_tools')}</h3>
        <div className="sc-tools">
          {TOOLS.map((kind) => (
            <button key={kind} type="button" className={tool?.kind === kind ? 'active' : ''} onClick={() => pickTool(kind)} data-testid={`sc-tool-${kind}`}>
              {t(TOOL_LABEL[kind])}
            </button>
          ))}
        </div>
        <label className="sc-row small">
          {t('sc_suggest_category')}
          <select
            value={category}
            onChange={(e) => {
              setCategory(e.target.value);
              if (tool?.kind === 'add-facility') setTool({ kind: 'add-facility', category: e.target.value });
            }}
            data-testid="sc-category"
          >
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {catName(c.id)}
              </option>
            ))}
          </select>
        </label>
        {tool?.kind === 'parking' && (
          <label className="sc-row small">
            {t('sc_parking_spaces')}
            <input
              type="number"
              min={1}
              value={spaces}
              style={{ width: 64 }}
              data-testid="sc-spaces"
              onChange={(e) => {
                const v = Math.max(1, Math.round(Number(e.target.value) || 1));
                setSpaces(v);
                setTool({ kind: 'parking', spaces: v });
              }}
            />
          </label>
        )}
        {hint && (
          <p className="hint small" data-testid="sc-hint">
            {hint}
          </p>
        )}
        <div className="sc-row">
          <button type="button" onClick={undoEdit} disabled={!active?.edits.length} data-testid="sc-undo">
            {t('sc_undo')}
          </button>
          <button type="button" onClick={redoEdit} disabled={!redo.length} data-testid="sc-redo">
            {t('sc_redo')}
          </button>
        </div>
        <h3>{t('sc_edits', { count: active?.edits.length ?? 0 })}</h3>
        {!active?.edits.length ? (
          <p className="muted small">{t('sc_no_edits')}</p>
        ) : (
          <ol className="sc-edits small" data-testid="sc-edits">
            {active.edits.map((e, i) => {
              const p = problems.find((x) => x.index === i);
              return (
                <li key={i}>
                  {editText(t, e, catName)}
                  {p && <span className="sc-problem"> — {t('sc_edit_skipped', { detail: lang.startsWith('zh') ? p.detail_zh : p.detail })}</span>}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section className="pl-main">
        {active && (
          <>
            <div className="sc-legend small" data-testid="sc-legend">
              {(['gain', 'loss', 'both', 'unchanged'] as const).map((key) => (
                <span key={key}>
                  <i style={{ background: rgbaCss(SCENARIO_COLORS[key]) }} /> {t(`sc_legend_${key}`)}
                </span>
              ))}
            </div>
            {status === 'running' && <p className="muted">{t('sc_running')}</p>}
            {status === 'error' && scenarioError && <p className="sc-problem" data-testid="sc-error">{t('sc_failed', { detail: scenarioError })}</p>}
            {diff && (
              <>
                <p data-testid="sc-changed" data-value={diff.changedCommunities}>
                  <strong>{diff.changedCommunities ? t('sc_changed', { count: diff.changedCommunities }) : t('sc_nothing_changed')}</strong>
                </p>
                {changedCats.length > 0 && (
                  <table className="pl-table" data-testid="sc-delta">
                    <caption>{t('sc_delta')}</caption>
                    <thead>
                      <tr>
                        <th rowSpan={2}>{t('sc_col_category')}</th>
                        <th colSpan={3}>{t('sc_gained')}</th>
                        <th colSpan={3}>{t('sc_lost')}</th>
                      </tr>
                      <tr>
                        <th>{t('sc_col_communities')}</th>
                        <th>{t('sc_col_households')}</th>
                        <th>{t('sc_col_population')}</th>
                        <th>{t('sc_col_communities')}</th>
                        <th>{t('sc_col_households')}</th>
                        <th>{t('sc_col_population')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changedCats.map((c) => (
                        <tr key={c.id} data-testid={`sc-delta-${c.id}`} data-gained-population={c.gained.population} data-lost-population={c.lost.population}>
                          <td>{catName(c.id)}</td>
                          <td className="num">{c.gained.communities}</td>
                          <td className="num">{fmt(c.gained.households)}</td>
                          <td className="num">{fmt(c.gained.population)}</td>
                          <td className="num">{c.lost.communities}</td>
                          <td className="num">{fmt(c.lost.households)}</td>
                          <td className="num">{fmt(c.lost.population)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <p className="small">
                  {t('sc_levels')}:{' '}
                  {diff.levels
                    .filter((l) => l.nowComplete.communities || l.noLongerComplete.communities)
                    .map((l) => `${t(`level_${l.id}`, { defaultValue: l.id })} +${l.nowComplete.communities} ${t('sc_level_now_complete')} / −${l.noLongerComplete.communities} ${t('sc_level_no_longer')}`)
                    .join('；') || '—'}
                </p>
                <p className="small">{t('sc_parking_gap', { before: fmt(diff.parking.gapBefore), after: fmt(diff.parking.gapAfter) })}</p>
                {diff.parks && (diff.parks.gained.communities > 0 || diff.parks.lost.communities > 0) && (
                  <p className="small" data-testid="sc-parks">
                    {t('sc_parks_change', { gained: diff.parks.gained.communities, gainedPopulation: fmt(diff.parks.gained.population), lost: diff.parks.lost.communities })}
                  </p>
                )}
              </>
            )}
          </>
        )}
        <h3>{t('sc_suggest')}</h3>
        <div className="sc-row small">
          <label>
            {t('sc_suggest_k')} <input type="number" min={1} max={50} value={k} onChange={(e) => setK(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} style={{ width: 56 }} data-testid="sc-k" />
          </label>
          <label>
            {t(normed ? 'sc_suggest_capacity_places' : 'sc_suggest_capacity', { norm: normed?.norm?.per_1000 })} <input type="number" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} style={{ width: 80 }} data-testid="sc-capacity" />
          </label>
          <label>
            <input type="checkbox" checked={oldOnly} onChange={(e) => setOldOnly(e.target.checked)} data-testid="sc-old-only" /> {t('sc_suggest_old_only')}
          </label>
          {suggestionStatus === 'running' ? (
            <button type="button" onClick={cancelSuggestion} data-testid="sc-suggest-cancel">
              {t('sc_suggest_cancel')}
            </button>
          ) : (
            <button type="button" onClick={suggest} data-testid="sc-suggest-run">
              {t('sc_suggest_run')} · {catName(category)}
            </button>
          )}
        </div>
        <div className="sc-row small">
          <button type="button" className={tool?.kind === 'suggest-area' ? 'active' : ''} onClick={() => pickTool('suggest-area')} data-testid="sc-tool-suggest-area">
            {t('sc_tool_suggest_area')}
          </button>
          <button type="button" className={tool?.kind === 'suggest-points' ? 'active' : ''} onClick={() => pickTool('suggest-points')} data-testid="sc-tool-suggest-points">
            {t('sc_tool_suggest_points')}
          </button>
          {(drawnArea || candidatePoints.length > 0) && (
            <button type="button" className="link" onClick={clearSuggestionCandidates} data-testid="sc-candidates-clear">
              {t('sc_candidates_clear')}
            </button>
          )}
        </div>
        <p className="muted small" data-testid="sc-candidates">
          {candidatePoints.length ? t('sc_candidates_points', { count: candidatePoints.length }) : drawnArea ? t('sc_candidates_area') : t('sc_suggest_area_hint')}
        </p>
        {suggestionStatus === 'running' && (
          <p className="small" data-testid="sc-suggest-progress">
            <progress value={suggestionProgress} max={1} /> {t('sc_suggest_running', { pct: Math.round(suggestionProgress * 100) })}
          </p>
        )}
        {suggestionStatus === 'error' && suggestionError && <p className="sc-problem" data-testid="sc-suggest-error">{t('sc_failed', { detail: suggestionError })}</p>}
        {suggestion && suggestionStatus === 'done' && (
          suggestion.picks.length === 0 ? (
            <p className="muted">{t('sc_suggest_none')}</p>
          ) : (
            <>
              <table className="pl-table" data-testid="sc-picks">
                <thead>
                  <tr>
                    <th>{t('sc_suggest_rank')}</th>
                    <th>{t('sc_suggest_gain')}</th>
                    <th>{t('sc_suggest_gain_households')}</th>
                  </tr>
                </thead>
                <tbody>
                  {suggestion.picks.map((p) => (
                    <tr key={p.rank} data-testid={`sc-pick-${p.rank}`} data-gain={p.gainPopulation}>
                      <td className="num">{p.rank}</td>
                      <td className="num">{fmt(p.gainPopulation)}</td>
                      <td className="num">{fmt(p.gainHouseholds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="small">
                {t('sc_suggest_total', { population: fmt(totals!.population), households: fmt(totals!.households) })}{' '}
                <button type="button" onClick={acceptSuggestion} data-testid="sc-accept">
                  {t('sc_suggest_accept')}
                </button>
              </p>
            </>
          )
        )}
      </section>
    </div>
  );
}
