import type { FeatureCollection } from 'geojson';
import { readLayerFile } from '../core/io';
import { classifyOsm, type OsmClassification } from '../core/io';
import { summarizeColumns } from '../core/io';
import { applyImportChoices, type ImportChoices } from '../core/io';
import { applyOsmChoices, type OsmChoices } from '../core/io';
import { looksLikeProject, parseProject } from '../core/io';
import { decodeText } from '../core/io';
import type { ReadLayerResult } from '../core/io';
import type { RuleSet } from '../core/rules';
import type { CrsSuggestion, ImportProgress, LayerPreview, OpenResult, OsmPreview, ReadChoice } from './importProtocol';

const OSM_FORMATS = new Set(['osm-xml', 'osm-pbf', 'overpass-json']);

/**
 * The state of the import worker: the last file's bytes and parsed features, kept until the user
 * confirms the dialog, so previews and re-reads never send features to the page. Plain class, no
 * worker APIs, so it runs in Node tests.
 */
export class ImportEngine {
  #name = '';
  #bytes: Uint8Array | null = null;
  #features: FeatureCollection | null = null;
  #suggestion: CrsSuggestion | null = null;
  #osm: OsmClassification | null = null;

  async open(name: string, buffer: ArrayBuffer, rules: Pick<RuleSet, 'categories' | 'parks'>, onProgress?: (p: ImportProgress) => void): Promise<OpenResult> {
    this.clear();
    const bytes = new Uint8Array(buffer);
    const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512));
    if (/\.lifecircle\.json$/i.test(name) || looksLikeProject(head)) {
      onProgress?.({ fraction: 0.1, stage: 'parse' });
      const result = parseProject(decodeText(bytes).text, name);
      onProgress?.({ fraction: 1, stage: 'done' });
      return { type: 'project', result, bytes: bytes.byteLength };
    }
    this.#name = name;
    this.#bytes = bytes;
    const read = await readLayerFile(name, bytes, { crs: 'auto', onProgress: (p) => onProgress?.({ fraction: p.fraction * 0.9, stage: p.stage }) });
    if (read.ok && OSM_FORMATS.has(read.detected.format)) {
      onProgress?.({ fraction: 0.92, stage: 'classify' });
      const osm = classifyOsm(read.features, { rules });
      this.#osm = osm;
      this.#bytes = null;
      onProgress?.({ fraction: 1, stage: 'done' });
      return { type: 'osm', preview: this.#osmPreview(read, osm, bytes.byteLength) };
    }
    const s = read.warnings.find((w) => w.code === 'chinese-crs-suspected');
    if (s && read.detected.crs.suggestion) {
      this.#suggestion = { crs: read.detected.crs.suggestion, reasons_en: String(s.params?.reasons ?? ''), reasons_zh: String(s.params?.reasons_zh ?? '') };
    }
    onProgress?.({ fraction: 1, stage: 'done' });
    return { type: 'layer', preview: this.#layerPreview(read, { crs: 'auto' }) };
  }

  async reread(choice: ReadChoice, onProgress?: (p: ImportProgress) => void): Promise<LayerPreview> {
    if (!this.#bytes) throw new Error('no file to read again');
    const read = await readLayerFile(this.#name, this.#bytes, {
      crs: choice.crs,
      ...(choice.kind ? { kind: choice.kind } : {}),
      onProgress: (p) => onProgress?.({ fraction: p.fraction, stage: p.stage }),
    });
    return this.#layerPreview(read, choice);
  }

  sample(max: number): FeatureCollection | null {
    if (!this.#features) return null;
    return { type: 'FeatureCollection', features: this.#features.features.slice(0, max) };
  }

  /** Applies the dialog's choices; `keep` keeps the file so its other geometry can be read again. */
  finish(choices: ImportChoices, keep = false): ReturnType<typeof applyImportChoices> {
    if (!this.#features) throw new Error('no features to load');
    const out = applyImportChoices(this.#features, choices);
    if (!keep) this.clear();
    return out;
  }

  finishOsm(choices: OsmChoices): ReturnType<typeof applyOsmChoices> {
    if (!this.#osm) throw new Error('no OSM extract to load');
    const out = applyOsmChoices(this.#osm.layers, choices);
    this.clear();
    return out;
  }

  clear(): void {
    this.#name = '';
    this.#bytes = null;
    this.#features = null;
    this.#suggestion = null;
    this.#osm = null;
  }

  #layerPreview(read: ReadLayerResult, choice: ReadChoice): LayerPreview {
    this.#features = read.ok ? read.features : null;
    const p: LayerPreview = {
      name: this.#name,
      bytes: this.#bytes?.byteLength ?? 0,
      ok: read.ok,
      format: read.detected.format,
      featureCount: read.features.features.length,
      geometryTypes: read.detected.geometryTypes,
      errors: read.errors,
      warnings: read.warnings,
      crs: read.detected.crs,
      kindGuess: read.detected.kind,
      crsSuggestion: this.#suggestion,
      columns: read.ok ? summarizeColumns(read.features) : [],
      read: choice,
    };
    if (read.detected.encoding) p.encoding = read.detected.encoding;
    if (read.detected.csvColumns) p.csvColumns = read.detected.csvColumns;
    return p;
  }

  #osmPreview(read: ReadLayerResult, osm: OsmClassification, bytes: number): OsmPreview {
    return {
      name: this.#name,
      bytes,
      format: read.detected.format,
      errors: read.errors,
      warnings: read.warnings,
      counts: osm.counts,
      unclassifiedCount: osm.unclassified.length,
      unclassifiedByTag: Object.entries(osm.unclassifiedByTag)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30),
    };
  }
}
