import { PathLayer, PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Polygon, Position } from 'geojson';
import type { ScenarioEdit } from '../core/scenario';
import type { SiteSuggestion } from '../core/analysis/siting';
import type { LayerFeatures } from '../store/layersSlice';
import { memoLast } from '../util/memoLast';
import { SCENARIO_COLORS } from './scenarioPalette';
import type { OverlayLayers } from './overlays';

/** What the scenario overlay draws from. */
export interface ScenarioOverlayProps {
  edits: readonly ScenarioEdit[] | null;
  /** the baseline facilities (deleted and moved ones are marked where they were) */
  facilities: LayerFeatures | null;
  /** the facility being moved (ringed until its new place is clicked or it is dropped) */
  moving: string | null;
  /** where it is being dragged */
  movingTo?: [number, number] | null;
  suggestion: SiteSuggestion | null;
  /** the candidate area and points the planner drew for a suggestion */
  candidateArea: Polygon | null;
  candidatePoints: readonly [number, number][];
}

interface Mark {
  position: Position;
  kind: 'added' | 'deleted' | 'closed' | 'gate' | 'start';
}

const marks = memoLast((edits: readonly ScenarioEdit[] | null, facilities: LayerFeatures | null, moving: string | null) => {
  const points: Mark[] = [];
  const paths: { path: Position[] }[] = [];
  const polygons: { polygon: Position[][] }[] = [];
  const where = new Map<string, Position>();
  for (const f of facilities?.features ?? []) {
    const id = f.properties?.id;
    if (id != null && f.geometry?.type === 'Point') where.set(String(id), f.geometry.coordinates);
  }
  for (const e of edits ?? []) {
    if (e.op === 'add' && e.layer === 'network') paths.push({ path: e.geometry.coordinates });
    else if (e.op === 'add' && e.layer === 'parks') {
      if (e.geometry.type === 'Polygon') polygons.push({ polygon: e.geometry.coordinates });
      else for (const p of e.geometry.coordinates) polygons.push({ polygon: p });
    }
    else if (e.op === 'add' && e.geometry.type === 'Point') points.push({ position: e.geometry.coordinates, kind: 'added' });
    else if (e.op === 'move') {
      const from = where.get(e.target_id);
      if (from) points.push({ position: from, kind: 'deleted' });
      points.push({ position: e.geometry.coordinates, kind: 'added' });
    } else if (e.op === 'delete') {
      const at = where.get(e.target_id);
      if (at) points.push({ position: at, kind: 'deleted' });
    } else if (e.op === 'close') points.push({ position: e.geometry.coordinates, kind: 'closed' });
    else if (e.op === 'add_entrance') points.push({ position: e.geometry.coordinates, kind: 'gate' });
  }
  const at = moving ? where.get(moving) : undefined;
  if (at) points.push({ position: at, kind: 'start' });
  return { points, paths, polygons };
});

const COLOR: Record<Mark['kind'], [number, number, number, number]> = {
  added: SCENARIO_COLORS.added,
  deleted: SCENARIO_COLORS.deleted,
  closed: SCENARIO_COLORS.closed,
  gate: SCENARIO_COLORS.gate,
  start: SCENARIO_COLORS.link,
};

const picksOf = memoLast((s: SiteSuggestion | null) => (s ? s.picks.map((p) => ({ position: [p.lon, p.lat] as Position, text: String(p.rank) })) : []));

/**
 * While the scenario view is open: the active scenario's edits on the map (new facilities and
 * gates as dots, deleted facilities and closures in red, new links as green paths) and the
 * suggested sites as numbered markers, over everything.
 */
export function scenarioOverlay({ edits, facilities, moving, movingTo, suggestion, candidateArea, candidatePoints }: ScenarioOverlayProps): OverlayLayers | null {
  const marked = marks(edits, facilities, moving);
  // the facility under the pointer while dragged: a dot where it would go
  const points = movingTo ? [...marked.points, { position: movingTo as Position, kind: 'added' as const }] : marked.points;
  const { paths, polygons } = marked;
  const picks = picksOf(suggestion);
  if (!points.length && !paths.length && !picks.length && !polygons.length && !candidateArea && !candidatePoints.length) return null;
  const top: Layer[] = [
    new PolygonLayer({
      id: 'scenario-candidate-area',
      data: candidateArea ? [{ polygon: candidateArea.coordinates }] : [],
      getPolygon: (d: { polygon: Position[][] }) => d.polygon as [number, number][][],
      getFillColor: SCENARIO_COLORS.candidateFill,
      getLineColor: SCENARIO_COLORS.pickBackground,
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      pickable: false,
    }),
    new ScatterplotLayer({
      id: 'scenario-candidate-points',
      data: candidatePoints as [number, number][],
      getPosition: (d: [number, number]) => d,
      getRadius: 5,
      radiusUnits: 'pixels',
      getFillColor: SCENARIO_COLORS.pick,
      getLineColor: SCENARIO_COLORS.pickBackground,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      stroked: true,
      pickable: false,
    }),
    new PolygonLayer({
      id: 'scenario-parks',
      data: polygons,
      getPolygon: (d: { polygon: Position[][] }) => d.polygon as [number, number][][],
      getFillColor: SCENARIO_COLORS.park,
      getLineColor: SCENARIO_COLORS.link,
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      pickable: false,
    }),
    new PathLayer({
      id: 'scenario-links',
      data: paths,
      getPath: (d: { path: Position[] }) => d.path as [number, number][],
      getColor: SCENARIO_COLORS.link,
      getWidth: 5,
      widthUnits: 'pixels',
      capRounded: true,
      pickable: false,
    }),
    new ScatterplotLayer({
      id: 'scenario-marks',
      data: points,
      getPosition: (d: Mark) => d.position as [number, number],
      getRadius: (d: Mark) => (d.kind === 'gate' || d.kind === 'start' ? 6 : 9),
      radiusUnits: 'pixels',
      getFillColor: (d: Mark) => COLOR[d.kind],
      getLineColor: SCENARIO_COLORS.outline,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      stroked: true,
      pickable: false,
    }),
    new ScatterplotLayer({
      id: 'scenario-picks',
      data: picks,
      getPosition: (d: { position: Position }) => d.position as [number, number],
      getRadius: 11,
      radiusUnits: 'pixels',
      getFillColor: SCENARIO_COLORS.pickBackground,
      getLineColor: SCENARIO_COLORS.pick,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      stroked: true,
      pickable: false,
    }),
    new TextLayer({
      id: 'scenario-pick-numbers',
      data: picks,
      getPosition: (d: { position: Position }) => d.position as [number, number],
      getText: (d: { text: string }) => d.text,
      getSize: 13,
      getColor: SCENARIO_COLORS.pick,
      fontWeight: 700,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      pickable: false,
    }),
  ];
  return { top };
}
