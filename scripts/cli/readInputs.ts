import type { FeatureCollection } from 'geojson';
import { readLayerFile } from '../../src/core/io';
import { importOsm } from '../../src/core/io';
import { classifyOsm, type OsmClassification, type OsmLayers } from '../../src/core/io';
import { applyOsmChoices } from '../../src/core/io';
import { autoImport } from '../../src/core/io';
import type { ResolvedCategories } from '../../src/core/io';
import { formatIssue, IssueCollector } from '../../src/core/io';
import type { ImportIssue, SourceCrs } from '../../src/core/io';
import type { RuleSet } from '../../src/core/rules';
import type { CliIo } from './cliIo';
import { labelled, msg, type CliLang } from './cliLang';
import { formatOsmSummary } from './formatOsmSummary';
import { OSM_ATTRIBUTION } from '../../src/core/io/export';
import { INPUT_LAYERS, type InputLayer } from './parseCliArgs';
import { readInputFileAsync } from './readInputFile';
import { UserError } from './userError';

export interface ReadInputsOptions {
  /** Input file per layer as given on the command line. */
  files: Partial<Record<InputLayer, string>>;
  /** An OSM extract classified into every layer the files do not give. */
  osm?: string;
  /** Source CRS of the (non-OSM) inputs; 'auto' only warns and suggests. */
  crs: SourceCrs;
  rules: RuleSet;
  lang: CliLang;
  io: CliIo;
}

/** What the importer found about one file, for the summary JSON. */
export interface InputFileInfo {
  file: string;
  format: string;
  crs: string;
  converted: boolean;
  swapped: boolean;
  suggestion: string | null;
  features: number;
}

/** The layers an OpenStreetMap extract gives (administrative units are the planner's own). */
const OSM_INPUT_LAYERS = INPUT_LAYERS.filter((k): k is InputLayer & keyof OsmLayers => k !== 'units');
const isOsmLayer = (k: InputLayer): k is InputLayer & keyof OsmLayers => k !== 'units';

export interface CliInputs {
  /** WGS84 layers; absent when neither a file nor the OSM extract gave one. */
  layers: Partial<Record<InputLayer, FeatureCollection>>;
  /** The file each layer came from. */
  sources: Partial<Record<InputLayer, string>>;
  files: InputFileInfo[];
  /** The OSM classification when OSM data were used (by --osm or an .osm file given for a layer). */
  osm: { file: string; counts: OsmClassification['counts']; unclassified: number; unclassifiedByTag: Record<string, number>; layers: InputLayer[] } | null;
  /** "© OpenStreetMap contributors, ODbL" when any layer came from OSM. */
  attribution: string | null;
  /** Facility category values the rule set does not know (ignored), per value. */
  unknownCategories: Record<string, number>;
  warnings: number;
}

const OSM_FORMATS = new Set(['osm-xml', 'osm-pbf', 'overpass-json']);
const MB = 1024 * 1024;

/**
 * Reads every CLI input through the importer (GeoJSON, CSV/TSV, zipped Shapefile, OSM XML/PBF,
 * Overpass JSON), converting `crs` to WGS84, and `--osm` through importOsm into all layers
 * (explicit files win). Prints each importer issue with its file (and feature) on stderr in the
 * chosen language, the OSM classification summary, and CLI-level warnings (points given as
 * communities, unknown facility categories). Every file is read before failing, so one run lists
 * all problems; then throws a UserError when any was an error.
 */
export async function readInputs(opts: ReadInputsOptions): Promise<CliInputs> {
  const { io, lang, rules } = opts;
  let errors = 0;
  let warnings = 0;
  const say = (line: string): void => io.stderr(line + '\n');
  const report = (issues: readonly ImportIssue[]): void => {
    for (const i of issues) {
      if (i.severity === 'error') errors++;
      else if (i.severity === 'warning') warnings++;
      say(formatIssue(i, lang));
    }
  };
  const fail = (text: string): void => {
    errors++;
    say(labelled(lang, 'cli_error', text));
  };
  const warn = (text: string): void => {
    warnings++;
    say(labelled(lang, 'cli_warning', text));
  };
  // Every input is read from disk at once, in the background, while the first is being parsed.
  const reading = new Map<string, Promise<Uint8Array>>();
  const startReading = (file: string, flag: string): void => {
    const p = readInputFileAsync(file, flag, lang);
    p.catch(() => undefined); // reported when its turn comes (read below)
    reading.set(flag, p);
  };
  if (opts.osm) startReading(opts.osm, '--osm');
  for (const layer of INPUT_LAYERS) {
    const file = opts.files[layer];
    if (file) startReading(file, `--${layer}`);
  }
  const read = async (file: string, flag: string): Promise<Uint8Array | null> => {
    try {
      const p = reading.get(flag) ?? readInputFileAsync(file, flag, lang);
      reading.delete(flag); // the bytes are not held once parsed
      return await p;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      fail(e.message);
      return null;
    }
  };
  const progress = (file: string, size: number) =>
    io.isTty && size > 20 * MB
      ? ({ onProgress: (p: { stage: string; fraction: number }) => io.stderr(`\r${file}: ${p.stage} ${Math.round(p.fraction * 100)}%   ${p.fraction >= 1 ? '\n' : ''}`) })
      : {};

  // a prototype-free map: a category value "__proto__" or "constructor" is counted like any other
  const out: CliInputs = { layers: {}, sources: {}, files: [], osm: null, attribution: null, unknownCategories: Object.create(null) as Record<string, number>, warnings: 0 };
  const osmUsed = (file: string, c: OsmClassification, layers: InputLayer[]): void => {
    out.attribution = OSM_ATTRIBUTION;
    if (!out.osm) out.osm = { file, counts: c.counts, unclassified: c.unclassified.length, unclassifiedByTag: c.unclassifiedByTag, layers };
    else out.osm.layers.push(...layers);
  };

  if (opts.osm) {
    const file = opts.osm;
    const bytes = await read(file, '--osm');
    if (bytes) {
      if (opts.crs === 'gcj02' || opts.crs === 'bd09') {
        say(msg(lang, 'cli_osm_crs_not_applied', { crs: opts.crs, file }));
      }
      const r = await importOsm(file, bytes, { rules, ...progress(file, bytes.byteLength) });
      report(r.warnings);
      report(r.errors);
      if (r.ok && r.layers && r.counts) {
        const replaced = OSM_INPUT_LAYERS.filter((k) => opts.files[k]);
        const taken = OSM_INPUT_LAYERS.filter((k) => !opts.files[k]);
        say(formatOsmSummary(file, { counts: r.counts, unclassified: r.unclassified ?? [], unclassifiedByTag: r.unclassifiedByTag ?? {} }, rules.categories, lang, replaced).trimEnd());
        // normalised as the app's OSM import does when its suggestions are accepted
        const chosen = applyOsmChoices(r.layers, { include: taken });
        for (const k of taken) {
          out.layers[k] = chosen[k] as FeatureCollection;
          out.sources[k] = file;
        }
        osmUsed(file, r as OsmClassification, taken);
        out.files.push({ file, format: 'osm', crs: 'wgs84', converted: false, swapped: false, suggestion: null, features: r.counts.network + r.counts.communities + r.counts.facilities + r.counts.parks + r.counts.parking });
        if (taken.includes('communities') && !out.layers.communities?.features.length) {
          fail(msg(lang, 'cli_osm_no_communities', { file }));
        }
        if (taken.includes('facilities') && r.counts.facilities === 0) {
          fail(msg(lang, 'cli_osm_no_facilities', { file }));
        }
        if (taken.includes('network') && r.counts.network === 0) {
          delete out.layers.network;
          delete out.sources.network;
          warn(msg(lang, 'cli_osm_no_network', { file }));
        }
      }
    }
  }

  const positions: Partial<Record<InputLayer, Position>> = {};
  const categoryReports: { file: string; fc: FeatureCollection; res: ResolvedCategories; pos: Position }[] = [];
  for (const layer of INPUT_LAYERS) {
    const file = opts.files[layer];
    if (!file) continue;
    const bytes = await read(file, `--${layer}`);
    if (!bytes) continue;
    const r = await readLayerFile(file, bytes, { kind: layer, crs: opts.crs, ...progress(file, bytes.byteLength) });
    if (layer === 'parking' && !r.ok && r.errors.length > 0 && r.errors.every((e) => e.code === 'empty-collection')) {
      // No public lots is a finding, not an error: supply is then the communities' own spaces.
      warn(msg(lang, 'cli_parking_no_lots', { file }));
      out.layers.parking = { type: 'FeatureCollection', features: [] };
      out.sources.parking = file;
      continue;
    }
    // Warnings first: they explain a closing "none of the features can be used" error.
    report(r.warnings);
    report(r.errors);
    if (!r.ok) continue;
    let fc = r.features;
    if (OSM_FORMATS.has(r.detected.format) && isOsmLayer(layer)) {
      // An OSM extract given for one layer: classify it and take that layer.
      if (opts.crs === 'gcj02' || opts.crs === 'bd09') {
        say(msg(lang, 'cli_osm_crs_not_applied', { crs: opts.crs, file }));
      }
      const c = classifyOsm(fc, { rules });
      if (layer === 'communities' && c.buildingFallback > 0) {
        const ic = new IssueCollector(file);
        ic.add('osm-building-fallback', { count: c.buildingFallback });
        report(ic.issues());
      }
      fc = applyOsmChoices(c.layers, { include: [layer] })[layer] as FeatureCollection;
      if (fc.features.length === 0) {
        fail(msg(lang, 'cli_osm_no_layer', { file, layer: msg(lang, `cli_layer_${layer}`) }));
        continue;
      }
      say(msg(lang, 'cli_osm_layer_taken', { file, count: fc.features.length, layer: msg(lang, `cli_layer_${layer}`), attribution: OSM_ATTRIBUTION }));
      osmUsed(file, c, [layer]);
    }
    const d = r.detected;
    positions[layer] = OSM_FORMATS.has(d.format) || r.warnings.some((i) => SKIPPING.has(i.code)) ? null : d.format === 'csv' ? 'row' : 'feature';
    out.files.push({ file, format: d.format, crs: d.crs.source, converted: d.crs.converted, swapped: d.crs.swapped, suggestion: d.crs.suggestion, features: fc.features.length });
    if (!OSM_FORMATS.has(r.detected.format)) {
      // the app's import with its suggestions accepted: canonical fields, categories matched
      const imported = autoImport(file, fc, layer, rules);
      report(imported.issues);
      if (!imported.ok) continue;
      fc = imported.fc;
      if (imported.categories) categoryReports.push({ file, fc: r.features, res: imported.categories, pos: positions[layer] ?? null });
    }
    out.layers[layer] = fc;
    out.sources[layer] = file;
  }

  for (const { file, fc: fac, res, pos } of categoryReports) {
    const ids = rules.categories.map((c) => c.id);
    const known = `${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}`;
    if (Object.keys(res.renamed).length) {
      say(msg(lang, 'cli_categories_renamed', { file, list: Object.entries(res.renamed).map(([a, b]) => `"${a}" → ${b}`).join(', ') }));
    }
    if (res.usable === 0) {
      const found = res.unknown.slice(0, 8).map((u) => `"${u.value}"`).join(', ');
      fail(
        res.field === null
          ? msg(lang, 'cli_no_category_field', { file, known })
          : msg(lang, 'cli_no_usable_category', { file, count: fac.features.length, field: res.field, found: found ? msg(lang, 'cli_found', { list: found }) : '', known }),
      );
    } else {
      for (const u of res.unknown) out.unknownCategories[u.value] = u.count;
      if (res.unknown.length) {
        const list = res.unknown.slice(0, 10).map((u) => `"${u.value}" ×${u.count}${msg(lang, 'cli_first', { where: where(fac, u.firstIndex, u.firstLabel, pos, lang) })}`).join(', ');
        const n = res.unknown.reduce((s, u) => s + u.count, 0);
        warn(msg(lang, 'cli_unknown_categories', { file, count: n, list, more: res.unknown.length > 10 ? msg(lang, 'cli_list_more') : '', known }));
      }
      if (res.missing.count > 0) {
        warn(msg(lang, 'cli_missing_categories', { file, count: res.missing.count, where: where(fac, res.missing.firstIndex, null, pos, lang) }));
      }
    }
  }

  if (errors === 0) {
    if (!out.layers.communities && !errors) fail(msg(lang, 'cli_no_communities'));
    if (!out.layers.facilities && !errors) fail(msg(lang, 'cli_no_facilities'));
  }
  if (errors > 0) {
    throw new UserError(
      msg(lang, 'cli_input_problems', { count: errors }),
      { alreadyReported: true },
    );
  }
  out.warnings = warnings;
  return out;
}

/** How a position in the imported collection maps back to the file: 1-based features, CSV rows, or not at all. */
type Position = 'feature' | 'row' | null;

/** Per-feature issues that drop features, shifting positions after them. */
const SKIPPING = new Set(['null-geometry', 'invalid-geometry', 'coordinates-out-of-range', 'geometry-collection', 'wrong-geometry-for-kind', 'other-geometry-left-out', 'csv-bad-rows']);

/**
 * 'feature 3 "K7"' for a position in the imported collection: the file's feature number (or CSV
 * row) only when no feature before could have been skipped, the id or name always.
 */
function where(fc: FeatureCollection, index: number, label: string | null, pos: Position, lang: CliLang): string {
  const f = fc.features[index];
  const l = label ?? (f?.properties?.id ?? f?.properties?.name ?? f?.id ?? null);
  const name = l == null ? '' : `"${String(l).slice(0, 60)}"`;
  const at =
    pos === 'feature' ? msg(lang, 'cli_at_feature', { n: index + 1 })
      : pos === 'row' ? msg(lang, 'cli_at_row', { n: index + 2 })
        : name ? '' : msg(lang, 'cli_at_usable', { n: index + 1 });
  return [at, name].filter(Boolean).join(' ');
}
