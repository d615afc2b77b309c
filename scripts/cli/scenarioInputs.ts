import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { editsFromGeoJson, type ScenarioEdit } from '../../src/core/scenario';
import { safeText } from '../../src/core/io';
import { msg, type CliLang } from './cliLang';
import { readInputFile } from './readInputFile';
import { UserError } from './userError';

function readJson(file: string, flag: string, lang: CliLang): { features?: unknown[] } {
  const bytes = readInputFile(file, flag, lang);
  try {
    const text = new TextDecoder('utf-8').decode(bytes);
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { features?: unknown[] };
  } catch (e) {
    throw new UserError(msg(lang, 'cli_scenario_not_json', { file, detail: safeText((e as Error).message, 120) }));
  }
}

/** The edits of a scenario file (core/scenario editsFromGeoJson); any feature that is not an edit is an error naming it. */
export function readScenarioEdits(file: string, lang: CliLang): ScenarioEdit[] {
  const { edits, problems } = editsFromGeoJson(readJson(file, '--scenario', lang));
  if (problems.length) {
    throw new UserError(problems.map((p) => msg(lang, 'cli_scenario_edit_problem', { file, n: p.index + 1, detail: lang === 'zh-CN' ? p.detail_zh : p.detail })).join('\n'));
  }
  return edits;
}

const geometries = (fc: { features?: unknown[] }): Geometry[] =>
  (fc.features ?? []).map((f) => (f as { geometry?: Geometry | null })?.geometry).filter((g): g is Geometry => !!g);

const lonLat = (p: unknown): p is Position => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** Candidate points (Point / MultiPoint features, WGS84), lon/lat interleaved. */
export function readCandidatePoints(file: string, lang: CliLang): Float64Array {
  const out: number[] = [];
  for (const g of geometries(readJson(file, '--candidates', lang))) {
    const pts = g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [];
    for (const p of pts) if (lonLat(p)) out.push(p[0], p[1]);
  }
  if (!out.length) throw new UserError(msg(lang, 'cli_suggest_bad_points', { file }));
  return Float64Array.from(out);
}

/** The area polygons of a file as one MultiPolygon (WGS84). */
export function readArea(file: string, lang: CliLang): Polygon | MultiPolygon {
  const polys: Position[][][] = [];
  for (const g of geometries(readJson(file, '--suggest-area', lang))) {
    if (g.type === 'Polygon') polys.push(g.coordinates);
    else if (g.type === 'MultiPolygon') polys.push(...g.coordinates);
  }
  if (!polys.length) throw new UserError(msg(lang, 'cli_suggest_bad_area', { file }));
  return { type: 'MultiPolygon', coordinates: polys };
}
