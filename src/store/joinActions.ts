import { create } from 'zustand';
import i18n from '../i18n';
import { applyJoin, joinKindOf, planJoin, type JoinKind, type JoinPlan, type JoinTable } from '../core/join';
import { estimateHouseholds, withEstimatedHouseholds, type HouseholdEstimateOptions } from '../core/estimate';
import { readTable, suggestFieldMapping } from '../core/io';
import { featureLabel } from '../core/model';
import type { LayerFeatures } from './layersSlice';
import { rememberData } from './dataHistory';
import { useStore } from './useStore';

/** A join the planner is reviewing: the layer it goes to, the table, its field mapping, the plan and their decisions. */
export interface JoinSession {
  kind: JoinKind;
  table: JoinTable;
  mapping: Record<string, string | null>;
  plan: JoinPlan;
  /** per review row: the chosen feature index, or null (no match); absent = undecided (not joined) */
  decisions: Record<number, number | null>;
}

/** A join as the workspace keeps it, to apply again when its layer is imported again. */
export interface SavedJoin {
  /** @default 'communities' (workspaces saved before facility lists could be joined) */
  kind?: JoinKind;
  table: JoinTable;
  /** the planner's decisions by names: table row name → feature name (null: none) */
  decisions: Record<string, string | null>;
}

/**
 * The join dialog's state (issue 15) and the joins applied in this workspace. Its own small store:
 * the review lives only while the dialog is open; `saved` is written with the workspace.
 */
export const useJoin = create<{ session: JoinSession | null; error: string | null; saved: SavedJoin[]; estimateOpen: boolean }>()(() => ({ session: null, error: null, saved: [], estimateOpen: false }));

const keys = (fc: LayerFeatures) => fc.features.map((f) => ({ id: f.properties?.id, name: f.properties?.name }));
const rowKeys = (t: JoinTable, m: Record<string, string | null>) => t.rows.map((r) => ({ id: m.id ? r[m.id] : undefined, name: m.name ? r[m.name] : undefined }));
const rowName = (t: JoinTable, m: Record<string, string | null>, row: number) => String((m.name && t.rows[row][m.name]) ?? (m.id && t.rows[row][m.id]) ?? row + 2);

/** The message key for `kind`: the facilities' wording (`…_facilities`) where it differs from the communities'. */
export const joinMessageKey = (key: string, kind: JoinKind) => (kind === 'facilities' ? `${key}_facilities` : key);
const say = joinMessageKey;

/**
 * Reads a table file (CSV or Excel, no coordinates) and opens the review against the layer its
 * columns speak of (joinKindOf: a 小区 list or a facility list), or the other when only that is loaded.
 */
export async function openJoinTable(file: File): Promise<void> {
  const { communities, facilities } = useStore.getState().layers;
  if (!communities && !facilities) return void useJoin.setState({ error: i18n.t('jn_no_communities'), session: null });
  const read = await readTable(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return void useJoin.setState({ error: i18n.language.startsWith('zh') ? read.detail_zh : read.detail, session: null });
  const guess = joinKindOf(read.table.columns);
  const kind = useStore.getState().layers[guess] ? guess : guess === 'communities' ? 'facilities' : 'communities';
  openSession(read.table, kind);
}

/** The review of `table` against the layer of `kind` (the dialog's "join to" choice calls it again). */
export function openSession(table: JoinTable, kind: JoinKind): void {
  const layer = useStore.getState().layers[kind];
  if (!layer) return;
  const mapping = suggestFieldMapping(table.columns, kind);
  if (!mapping.name && !mapping.id) return void useJoin.setState({ error: i18n.t(say('jn_no_name_column', kind), { file: table.name, columns: table.columns.join(', ') }), session: null });
  const plan = planJoin(rowKeys(table, mapping), keys(layer.fc));
  // the best candidate of a near name is proposed; the planner confirms or changes it
  const decisions = Object.fromEntries(plan.review.map((r) => [r.row, r.reason === 'similar' ? r.candidates[0].feature : null]));
  useJoin.setState({ session: { kind, table, mapping, plan, decisions }, error: null });
}

/** The pairs a session joins: its sure matches and the planner's decisions. */
export function sessionPairs(s: JoinSession): { row: number; feature: number }[] {
  const taken = new Set(s.plan.matches.map((m) => m.feature));
  const decided = Object.entries(s.decisions)
    .filter((e): e is [string, number] => e[1] !== null && !taken.has(e[1]))
    .map(([row, feature]) => ({ row: Number(row), feature }));
  return [...s.plan.matches.map(({ row, feature }) => ({ row, feature })), ...decided];
}

/** Applies the session to its layer (undoable) and keeps it for re-applying. */
export function applyJoinSession(): void {
  const s = useJoin.getState().session;
  const st = useStore.getState();
  const layer = s ? st.layers[s.kind] : null;
  if (!s || !layer) return;
  const r = applyJoin(layer.fc, s.kind, s.table, sessionPairs(s), s.mapping);
  rememberData({ key: 'undo_what_join', params: { name: s.table.name } });
  st.setLayer({ ...layer, fc: r.layer as LayerFeatures });
  const decisions = Object.fromEntries(Object.entries(s.decisions).map(([row, f]) => [rowName(s.table, s.mapping, Number(row)), f === null ? null : featureLabel(layer.fc.features[f]?.properties, f)]));
  const same = (x: SavedJoin) => x.table.name === s.table.name && (x.kind ?? 'communities') === s.kind;
  useJoin.setState((j) => ({ session: null, saved: [...j.saved.filter((x) => !same(x)), { kind: s.kind, table: s.table, decisions }] }));
  st.pushMessage('info', i18n.t(say('jn_applied', s.kind), { count: r.joined, name: s.table.name, fields: r.fields.map((k) => i18n.t(`io_field_${k}`, { defaultValue: k })).join(i18n.language.startsWith('zh') ? '、' : ', ') }));
}

/**
 * Applies the workspace's saved joins of `kind` to a layer imported again (issue 15): the sure
 * matches, and the planner's earlier decisions by names. Returns the layer (unchanged without joins).
 */
export function reapplyJoins(fc: LayerFeatures, kind: JoinKind = 'communities'): { fc: LayerFeatures; joined: number } {
  let out = fc;
  let joined = 0;
  for (const j of useJoin.getState().saved) {
    if ((j.kind ?? 'communities') !== kind) continue;
    const mapping = suggestFieldMapping(j.table.columns, kind);
    const plan = planJoin(rowKeys(j.table, mapping), keys(out));
    const byName = new Map(out.features.map((f, i) => [featureLabel(f.properties, i), i]));
    const pairs = [...plan.matches.map(({ row, feature }) => ({ row, feature }))];
    const used = new Set(pairs.map((p) => p.feature));
    for (const r of plan.review) {
      const want = j.decisions[rowName(j.table, mapping, r.row)];
      const f = want == null ? undefined : byName.get(want);
      if (f !== undefined && !used.has(f)) pairs.push({ row: r.row, feature: f });
    }
    const applied = applyJoin(out, kind, j.table, pairs, mapping);
    out = applied.layer as LayerFeatures;
    joined += applied.joined;
  }
  return { fc: out, joined };
}

/** Estimates households where none are given (undoable): from the buildings layer when loaded, else from the area. */
export function estimateCommunityHouseholds(options: HouseholdEstimateOptions): number {
  const st = useStore.getState();
  const layer = st.layers.communities;
  if (!layer) return 0;
  const estimates = estimateHouseholds(layer.fc, st.layers.buildings?.fc ?? null, options);
  const n = estimates.filter((e) => e.source === 'buildings' || e.source === 'area').length;
  rememberData({ key: 'undo_what_estimate', params: { count: n } });
  st.setLayer({ ...layer, fc: withEstimatedHouseholds(layer.fc, estimates) as LayerFeatures });
  const by = (src: string) => estimates.filter((e) => e.source === src).length;
  st.pushMessage('info', i18n.t('es_done', { count: n, buildings: by('buildings'), area: by('area'), none: estimates.filter((e) => !e.source).length }));
  useJoin.setState({ estimateOpen: false });
  return n;
}
