import { DEFAULTS } from '../../src/core/rules';
import { parseArgs } from 'node:util';
import type { CoverageMode } from '../../src/core/analysis/coverage';
import type { SourceCrs } from '../../src/core/io';
import { crsId, parseCrsId, SUPPORTED_EPSG_TEXT } from '../../src/core/io/crs';
import { msg, type CliLang } from './cliLang';
import { parseLanguage } from '../../src/core/messages';
import { UserError } from './userError';
import { parseDecay, type Decay } from '../../src/core/analysis/choice';

export const USAGE = `usage: npm run analyze -- --communities C.geojson --facilities F.geojson [--network N.geojson]
    [--parks P.geojson] [--parking K.geojson] [--buildings B.geojson] [--units U.geojson] [--osm area.osm] [--rules R.json]
    [--mode network|euclidean] [--max-snap ${DEFAULTS.maxSnapM}] [--detour ${DEFAULTS.detour}] [--count-no-data]
    [--crs wgs84|gcj02|bd09|EPSG:xxxx|gk3:117] [--out-crs wgs84|gcj02|bd09] [--lang zh-CN|en] [--debug]
    --out result.geojson
  Inputs may be GeoJSON, CSV/TSV with coordinate columns, zipped Shapefile, OSM XML/PBF or Overpass JSON.
  --osm classifies one OpenStreetMap extract into all layers; then --communities, --facilities and
  --network are optional (given ones replace the OSM-derived layer).
  --crs: coordinate system of all inputs (GCJ-02 = Amap/Tencent, BD-09 = Baidu; Gauss-Krüger by central
    meridian: gk3:117, gk6:117, gk3:117:zone when the zone number prefixes the easting, xian80-gk3:117,
    beijing54-gk3:117; EPSG codes of CGCS2000/Xi'an 80/Beijing 54 GK, 3857); converted to WGS84.
  --out-crs: coordinate system of the output file (default wgs84).
  --count-no-data: count categories without any facility in the input as missing (default: they are
  "no data", listed in the summary's no_data and left out of completeness, gaps and score).
  --scenario edits.geojson: apply a scenario (one feature per edit: op, layer, target_id; WGS84);
    the output holds the scenario's values plus before_*/delta_* for the communities it changes.
  --suggest <category>:<K> --suggest-out S.geojson [--candidates C.geojson | --suggest-area A.geojson]
    [--capacity N | --capacity-places N] [--suggest-old-only]: K sites covering the most residents not yet covered
    (--capacity: residents one site serves; --capacity-places: its places, turned into residents by the
    category's norm in the rule set)
    (candidates: the given points, else the network's nodes inside the area, else all nodes).
  --choice [--decay cumulative|linear|exponential:β|gaussian:σ] [--weighted]: per category also
    n_<k> (facilities within the radius), dist2_<k> (second-nearest, m), access_<k> (gravity score),
    fca_<k> (2SFCA ratio, where facilities state a capacity) and places_gap_<k> (where the rule set
    has a norm, places per 1,000 residents); --weighted weighs the gravity score by capacity.
  --join table.csv|xlsx [--join-on name|id]: the housing bureau's 小区 list (no coordinates) joined to the
    communities (households, population, built year, spaces …): the same or normalised names (width,
    brackets, 一期, 小区/花园/家园/苑) are applied, near and shared names listed in the summary's join block.
  --join-facilities table.csv|xlsx: a facility list (no coordinates: 设施名称, 学位数/床位数 …) joined to the
    facilities the same way (capacity for fca_ and places_gap_ with --choice; name, category); --join-on applies.
  --units U.geojson: 街道 / 社区 polygons; communities without a 街道 / 社区 of their own take the
    names of the polygon holding them (the tables by subdistrict, --targets scopes).
  --buildings B.geojson --estimate-households buildings|area: households where none are given, from the
    residential buildings in each community (footprint × storeys ÷ 90 m²) or its area × density by
    built period; every community gets households_source (given, joined, buildings, area).
  --xlsx tables.xlsx: the tables by 街道 (communities' 街道/乡镇 column), category, community and gap,
    with Chinese headers (--lang en: English), units, number formats, frozen header, autofilter.
  --bundle out.zip: communities and facilities GeoJSON, that workbook, each table as CSV, the summary
    and a README (中文/English) with the attribute dictionary.
  --targets targets.csv|xlsx: the summary's targets block — per target its value now, the target, the
    deadline and the status (met, on track, behind, overdue; on track against --compare's snapshot).
  --snapshot-out S.json [--snapshot-label 2025年度]: a dated snapshot of the results; --compare S.json adds
    the changes since that snapshot (indicators, communities, facilities added or removed).
  --surface S.geojson [--cell 50] [--surface-of <category|level>]: accessibility surface, one square
    per cell (25–100 m usual) with dist_m and minutes to the nearest facility of the category, or for a
    level the time to reach all its mandatory categories (default: the widest level); network mode.`;

/** The input layers the CLI reads, in reading order. */
export const INPUT_LAYERS = ['communities', 'facilities', 'network', 'parks', 'parking', 'buildings', 'units'] as const;
export type InputLayer = (typeof INPUT_LAYERS)[number];

export type OutputCrs = 'wgs84' | 'gcj02' | 'bd09';

export interface CliArgs {
  /** Input file per layer as given on the command line. */
  files: Partial<Record<InputLayer, string>>;
  osm?: string;
  rules?: string;
  out: string;
  /** Undefined: network when a network is available, else euclidean. */
  mode?: CoverageMode;
  /** metres @default 300 */
  maxSnap: number;
  /** @default 1 */
  detour: number;
  /** Source CRS of every input; 'auto' (no --crs) assumes WGS84 and only warns/suggests. */
  crs: SourceCrs;
  outCrs: OutputCrs;
  lang: CliLang;
  debug: boolean;
  /** count categories without any facility as missing (core/analysis/noDataPolicy) @default false */
  countNoData: boolean;
  /** a scenario's edits (GeoJSON) */
  scenario?: string;
  /** choice, second-nearest, gravity access and 2SFCA fields (issue 13) */
  choice?: { decay: Decay; weighted: boolean };
  /** a target sheet (CSV/Excel): the summary gets a targets block (issue 14) */
  targets?: string;
  /** write a dated snapshot of the results (JSON) */
  snapshotOut?: string;
  /** a snapshot to compare with: the summary gets a comparison block */
  compare?: string;
  /** the snapshot's label (default: the date) */
  snapshotLabel?: string;
  /** the briefing tables as an Excel workbook (issue 12) */
  xlsx?: string;
  /** the export bundle (.zip: GeoJSON, workbook, CSVs, summary, README) */
  bundle?: string;
  /** an attribute table (CSV/Excel, no geometry) joined to the communities by name or id */
  join?: { file: string; on: 'name' | 'id' };
  /** an attribute table joined to the facilities (e.g. places per kindergarten), by name or id */
  joinFacilities?: { file: string; on: 'name' | 'id' };
  /** estimate households where none are given: from buildings (else area), or from area only */
  estimateHouseholds?: 'buildings' | 'area';
  /** accessibility surface: output file, cell size (m), and the category or level as written */
  surface?: { out: string; cell: number; of?: string };
  /** site suggestion: the category as written (id, name or synonym) and K */
  suggest?: { category: string; k: number; out: string; candidates?: string; area?: string; capacity?: number; capacityPlaces?: number; oldOnly: boolean };
}

export type ParsedCli = { help: true; lang: CliLang } | ({ help: false } & CliArgs);

const OPTIONS = {
  communities: { type: 'string' },
  facilities: { type: 'string' },
  network: { type: 'string' },
  parks: { type: 'string' },
  parking: { type: 'string' },
  buildings: { type: 'string' },
  units: { type: 'string' },
  osm: { type: 'string' },
  join: { type: 'string' },
  'join-facilities': { type: 'string' },
  xlsx: { type: 'string' },
  targets: { type: 'string' },
  'snapshot-out': { type: 'string' },
  'snapshot-label': { type: 'string' },
  compare: { type: 'string' },
  bundle: { type: 'string' },
  'join-on': { type: 'string' },
  'estimate-households': { type: 'string' },
  rules: { type: 'string' },
  mode: { type: 'string' },
  'max-snap': { type: 'string' },
  detour: { type: 'string' },
  crs: { type: 'string' },
  'out-crs': { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
  debug: { type: 'boolean' },
  scenario: { type: 'string' },
  suggest: { type: 'string' },
  'suggest-out': { type: 'string' },
  'suggest-area': { type: 'string' },
  'suggest-old-only': { type: 'boolean' },
  candidates: { type: 'string' },
  capacity: { type: 'string' },
  'capacity-places': { type: 'string' },
  'count-no-data': { type: 'boolean' },
  choice: { type: 'boolean' },
  surface: { type: 'string' },
  cell: { type: 'string' },
  'surface-of': { type: 'string' },
  decay: { type: 'string' },
  weighted: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** parseArgs messages name the option; the advice after "To specify" is about positionals and only confuses. */
function argError(e: unknown, lang: CliLang): UserError {
  const msg = (e as Error).message.split('. To specify')[0];
  if (lang === 'en') return new UserError(`${msg}\n${USAGE}`);
  const zh = msg
    .replace(/^Unknown option '([^']+)'/, "未知选项 '$1'")
    .replace(/^Option '([^']+)' argument missing/, "选项 '$1' 缺少参数值")
    .replace(/^Option '([^']+)' argument is ambiguous.*/, "选项 '$1' 的参数值有歧义（以 - 开头？请写成 $1=值）")
    .replace(/^Unexpected argument '([^']+)'.*/, "多余的参数 '$1'（每个输入文件前都要写选项名，例如 --communities）")
    .replace(/^Option '([^']+)' does not take an argument/, "选项 '$1' 不接受参数值");
  return new UserError(`${zh}\n${USAGE}`);
}

function parseCrs(raw: string | undefined, lang: CliLang): SourceCrs {
  if (raw === undefined) return 'auto';
  const s = raw.trim().toLowerCase().replace(/[-_]/g, '');
  if (s === 'wgs84' || s === 'epsg4326' || s === 'cgcs2000' || s === 'epsg4490') return 'wgs84';
  if (s === 'gcj02' || s === 'amap' || s === 'gaode' || s === 'tencent') return 'gcj02';
  if (s === 'bd09' || s === 'baidu') return 'bd09';
  if (s === 'auto') return 'auto';
  // Every other system comes from the one table in src/core (EPSG codes, gk3:117 style ids).
  const def = parseCrsId(raw);
  if (def) return crsId(def) as SourceCrs;
  throw new UserError(
    msg(lang, 'cli_bad_crs', { codes: SUPPORTED_EPSG_TEXT, value: raw }),
  );
}

function parseOutCrs(raw: string | undefined, lang: CliLang): OutputCrs {
  if (raw === undefined) return 'wgs84';
  const s = raw.trim().toLowerCase().replace(/[-_]/g, '');
  if (s === 'wgs84' || s === 'gcj02' || s === 'bd09') return s;
  throw new UserError(msg(lang, 'cli_bad_out_crs', { value: raw }));
}

/**
 * Parses and checks the analyze command line (DESIGN §6). Throws UserError (with the usage) for
 * unknown flags, missing values and bad numbers. `--communities` and `--facilities` are required
 * unless `--osm` provides them; `--out` always is.
 */
export function parseCliArgs(argv: readonly string[], lang: CliLang): ParsedCli {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: OPTIONS });
  } catch (e) {
    throw argError(e, lang);
  }
  const v = parsed.values;
  if (v.lang !== undefined && !parseLanguage(v.lang)) {
    throw new UserError(msg(lang, 'cli_bad_lang', { value: v.lang }));
  }
  if (v.help) return { help: true, lang };
  const required = v.osm ? (['out'] as const) : (['communities', 'facilities', 'out'] as const);
  for (const k of required) {
    if (!v[k]) {
      throw new UserError(msg(lang, 'cli_missing_option', { option: k }) + (k !== 'out' ? msg(lang, 'cli_or_osm') : '') + `\n${USAGE}`);
    }
  }
  if (v.mode !== undefined && v.mode !== 'network' && v.mode !== 'euclidean') {
    throw new UserError(msg(lang, 'cli_bad_mode', { value: v.mode }));
  }
  if (v.mode === 'network' && !v.network && !v.osm) {
    throw new UserError(msg(lang, 'cli_network_mode_needs_network'));
  }
  const number = (name: string, raw: string | undefined, dflt: number, min: number): number => {
    if (raw === undefined) return dflt;
    const x = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(x) || x < min) {
      throw new UserError(msg(lang, 'cli_bad_number', { option: name, min, value: raw }));
    }
    return x;
  };
  let suggest: CliArgs['suggest'];
  if (v.suggest !== undefined) {
    const m = /^(.+):(\d+)$/.exec(v.suggest.trim());
    if (!m || Number(m[2]) < 1) throw new UserError(msg(lang, 'cli_bad_suggest', { value: v.suggest }));
    if (!v['suggest-out']) throw new UserError(msg(lang, 'cli_missing_option', { option: 'suggest-out' }));
    suggest = {
      category: m[1].trim(), k: Number(m[2]), out: v['suggest-out'], oldOnly: v['suggest-old-only'] === true,
      ...(v.candidates ? { candidates: v.candidates } : {}),
      ...(v['suggest-area'] ? { area: v['suggest-area'] } : {}),
      ...(v.capacity !== undefined ? { capacity: number('capacity', v.capacity, 0, 1) } : {}),
      ...(v['capacity-places'] !== undefined ? { capacityPlaces: number('capacity-places', v['capacity-places'], 0, 1) } : {}),
    };
  } else {
    for (const o of ['suggest-out', 'suggest-area', 'candidates', 'capacity', 'capacity-places', 'suggest-old-only'] as const) {
      if (v[o] !== undefined) throw new UserError(msg(lang, 'cli_needs_suggest', { option: o }));
    }
  }
  let choice: CliArgs['choice'];
  if (v.choice || v.decay !== undefined || v.weighted) {
    const decay = v.decay === undefined ? { kind: 'cumulative' as const } : parseDecay(v.decay);
    if (!decay) throw new UserError(msg(lang, 'cli_bad_decay', { value: v.decay ?? '' }));
    choice = { decay, weighted: v.weighted === true };
  }
  let surface: CliArgs['surface'];
  if (v.surface !== undefined) {
    surface = { out: v.surface, cell: number('cell', v.cell, 50, 5), ...(v['surface-of'] ? { of: v['surface-of'] } : {}) };
  } else {
    for (const o of ['cell', 'surface-of'] as const) if (v[o] !== undefined) throw new UserError(msg(lang, 'cli_needs_surface', { option: o }));
  }
  const files: Partial<Record<InputLayer, string>> = {};
  for (const k of INPUT_LAYERS) if (v[k]) files[k] = v[k];
  let join: CliArgs['join'];
  let joinFacilities: CliArgs['joinFacilities'];
  if (v.join !== undefined || v['join-facilities'] !== undefined) {
    const on = v['join-on'] ?? 'name';
    if (on !== 'name' && on !== 'id') throw new UserError(msg(lang, 'cli_bad_join_on', { value: on }));
    if (v.join !== undefined) join = { file: v.join, on };
    if (v['join-facilities'] !== undefined) joinFacilities = { file: v['join-facilities'], on };
  } else if (v['join-on'] !== undefined) throw new UserError(msg(lang, 'cli_needs_join', { option: 'join-on' }));
  const est = v['estimate-households'];
  if (est !== undefined && est !== 'buildings' && est !== 'area') throw new UserError(msg(lang, 'cli_bad_estimate', { value: est }));
  return {
    help: false,
    files,
    ...(v.osm ? { osm: v.osm } : {}),
    ...(v.rules ? { rules: v.rules } : {}),
    out: v.out as string,
    ...(v.mode ? { mode: v.mode as CoverageMode } : {}),
    maxSnap: number('max-snap', v['max-snap'], DEFAULTS.maxSnapM, 0),
    detour: number('detour', v.detour, DEFAULTS.detour, 1),
    crs: parseCrs(v.crs, lang),
    outCrs: parseOutCrs(v['out-crs'], lang),
    lang: (v.lang as CliLang | undefined) ?? lang,
    debug: v.debug === true,
    countNoData: v['count-no-data'] === true,
    ...(v.scenario ? { scenario: v.scenario } : {}),
    ...(suggest ? { suggest } : {}),
    ...(choice ? { choice } : {}),
    ...(surface ? { surface } : {}),
    ...(join ? { join } : {}),
    ...(joinFacilities ? { joinFacilities } : {}),
    ...(v.xlsx ? { xlsx: v.xlsx } : {}),
    ...(v.targets ? { targets: v.targets } : {}),
    ...(v['snapshot-out'] ? { snapshotOut: v['snapshot-out'] } : {}),
    ...(v['snapshot-label'] ? { snapshotLabel: v['snapshot-label'] } : {}),
    ...(v.compare ? { compare: v.compare } : {}),
    ...(v.bundle ? { bundle: v.bundle } : {}),
    ...(est ? { estimateHouseholds: est as 'buildings' | 'area' } : {}),
  };
}
