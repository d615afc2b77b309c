import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { EditProblem, ScenarioEdit } from './types';
import { editProblemDetails, type EditProblemKey } from '../messages/editProblems';

/** Members of an edit feature's properties that describe the edit, not the edited feature. */
const EDIT_KEYS = new Set(['op', 'layer', 'target_id', 'edit_id']);

const ADD_LAYERS = new Set(['facilities', 'parks', 'parking', 'network']);

/**
 * A scenario's edits as GeoJSON (issue 11): one feature per edit, in order, with `op`, `layer`,
 * `target_id` (move, delete, gate), `edit_id` and the new feature's own properties.
 */
export function editsToGeoJson(edits: readonly ScenarioEdit[], name?: string): FeatureCollection {
  const features: Feature[] = edits.map((e) => {
    const props: Record<string, unknown> = { op: e.op, layer: e.layer };
    if ('target_id' in e) props.target_id = e.target_id;
    if ('id' in e) props.edit_id = e.id;
    if ('properties' in e) for (const [k, v] of Object.entries(e.properties)) if (!EDIT_KEYS.has(k) && k !== 'id') props[k] = v;
    return { type: 'Feature', properties: props, geometry: ('geometry' in e ? e.geometry : null) as Geometry };
  });
  return { type: 'FeatureCollection', ...(name ? { name } : {}), features } as FeatureCollection;
}

const str = (v: unknown): string | null => (v == null || v === '' ? null : String(v));

/**
 * Reads edits back from editsToGeoJson's shape (or a planner's own file of that shape). Features
 * that do not describe an edit are listed in `problems` (index = feature index) and left out.
 */
export function editsFromGeoJson(fc: { features?: readonly unknown[] } | null | undefined): { edits: ScenarioEdit[]; problems: EditProblem[] } {
  const edits: ScenarioEdit[] = [];
  const problems: EditProblem[] = [];
  (fc?.features ?? []).forEach((raw, index) => {
    const f = raw as Feature<Geometry | null, Record<string, unknown> | null> | null;
    const p = f?.properties ?? {};
    const g = f?.geometry ?? null;
    const op = str(p.op);
    const layer = str(p.layer);
    const bad = (key: EditProblemKey, params: Parameters<typeof editProblemDetails>[1] = {}) => problems.push({ index, code: 'bad-edit', ...editProblemDetails(key, params) });
    const badGeometry = (key: EditProblemKey, params: Parameters<typeof editProblemDetails>[1] = {}) => problems.push({ index, code: 'bad-geometry', ...editProblemDetails(key, params) });
    const own: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) if (!EDIT_KEYS.has(k)) own[k] = v;
    const id = str(p.edit_id) ?? str(p.id) ?? `edit-${index + 1}`;
    const target = str(p.target_id);
    if (!g && op !== 'delete') return badGeometry('edit_no_geometry');
    if (op === 'delete') {
      if (layer !== 'facilities' && layer !== 'parks' && layer !== 'parking') return bad('edit_needs_layer', { op: 'delete', layers: 'facilities, parks or parking', got: layer });
      if (!target) return bad('edit_needs_target', { op: 'delete' });
      edits.push({ op: 'delete', layer, target_id: target });
      return;
    }
    if (!g) return;
    switch (op) {
      case 'add':
        if (!layer || !ADD_LAYERS.has(layer)) return bad('edit_needs_layer', { op: 'add', layers: 'facilities, parks, parking or network', got: layer });
        if ((layer === 'facilities' || layer === 'parking') && g.type !== 'Point') return badGeometry('edit_point_geometry', { op: 'add' });
        if (layer === 'parks' && g.type !== 'Polygon' && g.type !== 'MultiPolygon') return badGeometry('edit_park_geometry');
        if (layer === 'network' && g.type !== 'LineString') return badGeometry('edit_link_geometry');
        edits.push({ op: 'add', layer, id, geometry: g, properties: own } as ScenarioEdit);
        return;
      case 'move':
        if (layer !== 'facilities' && layer !== 'parking') return bad('edit_needs_layer', { op: 'move', layers: 'facilities or parking', got: layer });
        if (!target) return bad('edit_needs_target', { op: 'move' });
        if (g.type !== 'Point') return badGeometry('edit_point_geometry', { op: 'move' });
        edits.push({ op: 'move', layer, target_id: target, geometry: g });
        return;
      case 'close':
        if (g.type !== 'Point') return badGeometry('edit_point_geometry', { op: 'close' });
        edits.push({ op: 'close', layer: 'network', id, geometry: g });
        return;
      case 'add_entrance':
        if (!target) return bad('edit_needs_target', { op: 'add_entrance' });
        if (g.type !== 'Point') return badGeometry('edit_point_geometry', { op: 'add_entrance' });
        edits.push({ op: 'add_entrance', layer: 'communities', target_id: target, geometry: g });
        return;
      default:
        bad('edit_unknown_op', { op: op ?? undefined });
    }
  });
  return { edits, problems };
}
