import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { editsFromGeoJson, type ScenarioEdit } from '../../src/core/scenario';
import { formatIssue, readLayerFile, safeText, type SourceCrs } from '../../src/core/io';
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

/**
 * The geometries of a candidate or area file, read by the same importer as every input (GeoJSON,
 * CSV with coordinate columns, zipped Shapefile; `--crs` converted to WGS84); errors name the file.
 */
async function readGeometries(file: string, flag: string, lang: CliLang, crs: SourceCrs): Promise<Geometry[]> {
  const r = await readLayerFile(file, readInputFile(file, flag, lang), { crs });
  if (!r.ok) throw new UserError(r.errors.map((i) => formatIssue(i, lang)).join('\n'));
  return r.features.features.map((f) => f.geometry).filter((g): g is Geometry => !!g);
}

const lonLat = (p: unknown): p is Position => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** Candidate points (Point / MultiPoint features), lon/lat interleaved. */
export async function readCandidatePoints(file: string, lang: CliLang, crs: SourceCrs): Promise<Float64Array> {
  const out: number[] = [];
  for (const g of await readGeometries(file, '--candidates', lang, crs)) {
    const pts = g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [];
    for (const p of pts) if (lonLat(p)) out.push(p[0], p[1]);
  }
  if (!out.length) throw new UserError(msg(lang, 'cli_suggest_bad_points', { file }));
  return Float64Array.from(out);
}

/** The area polygons of a file as one MultiPolygon. */
export async function readArea(file: string, lang: CliLang, crs: SourceCrs): Promise<Polygon | MultiPolygon> {
  const polys: Position[][][] = [];
  for (const g of await readGeometries(file, '--suggest-area', lang, crs)) {
    if (g.type === 'Polygon') polys.push(g.coordinates);
    else if (g.type === 'MultiPolygon') polys.push(...g.coordinates);
  }
  if (!polys.length) throw new UserError(msg(lang, 'cli_suggest_bad_area', { file }));
  return { type: 'MultiPolygon', coordinates: polys };
}
