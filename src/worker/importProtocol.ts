import type { FeatureCollection, Geometry } from 'geojson';
import type { LayerKind } from '../core/model';
import type { DetectedInfo, FileFormat, ImportIssue, ImportStage, SourceCrs } from '../core/io';
import type { ColumnSummary } from '../core/io';
import type { ImportChoices } from '../core/io';
import type { OsmChoices, OsmLayerKind } from '../core/io';
import type { OsmClassification } from '../core/io';
import type { ParseProjectResult } from '../core/io';
import type { RuleSet } from '../core/rules';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;

export interface ImportProgress {
  /** 0..1 over the whole read */
  fraction: number;
  stage: ImportStage | 'classify' | 'finish';
}

/** Options of one read of the cached file. */
export interface ReadChoice {
  kind?: LayerKind;
  /**
   * 'auto' detects projected metres and swapped axes and only suggests GCJ-02/BD-09; a projected
   * system ('EPSG:4549', 'gk3:118.8' …, see core/io/crs/crsCatalog) is chosen in the CRS chooser.
   */
  crs: SourceCrs;
}

/** A Chinese offset system the importer suspects, with its reasons in both languages (first read). */
export interface CrsSuggestion {
  crs: 'gcj02' | 'bd09';
  reasons_en: string;
  reasons_zh: string;
}

/** What the import dialog shows about one layer file (the features stay in the worker). */
export interface LayerPreview {
  name: string;
  bytes: number;
  ok: boolean;
  format: FileFormat;
  encoding?: string;
  featureCount: number;
  geometryTypes: DetectedInfo['geometryTypes'];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  crs: DetectedInfo['crs'];
  kindGuess: DetectedInfo['kind'];
  crsSuggestion: CrsSuggestion | null;
  columns: ColumnSummary[];
  /** The options this preview was read with. */
  read: ReadChoice;
  csvColumns?: { lon: string; lat: string };
}

/** What the OSM dialog shows: classification counts (the layers stay in the worker). */
export interface OsmPreview {
  name: string;
  bytes: number;
  format: FileFormat;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  counts: OsmClassification['counts'];
  unclassifiedCount: number;
  /** Most frequent unclassified tags first, at most 30. */
  unclassifiedByTag: [string, number][];
}

export type OpenResult =
  | { type: 'layer'; preview: LayerPreview }
  | { type: 'osm'; preview: OsmPreview }
  | { type: 'project'; result: ParseProjectResult; bytes: number };

/**
 * The import worker (comlink): parses one file at a time off the main thread and keeps it until
 * the user confirms. Cancelling = terminating the worker (the client starts a fresh one).
 */
export interface ImportWorkerApi {
  /** Reads a file (bytes transferred); OSM extracts are classified with the given rules at once. */
  open(name: string, buffer: ArrayBuffer, rules: Pick<RuleSet, 'categories' | 'parks'>, onProgress?: (p: ImportProgress) => void): Promise<OpenResult>;
  /** Reads the cached file again with another layer kind or coordinate system. */
  reread(choice: ReadChoice, onProgress?: (p: ImportProgress) => void): Promise<LayerPreview>;
  /** Up to `max` features of the last read (WGS84), to preview a coordinate system on the map. */
  sample(max: number): FC | null;
  /** Applies the dialog's choices and returns the canonical layer; `keep` keeps the file for another pass. */
  finish(choices: ImportChoices, keep?: boolean): Promise<{ fc: FC; skipped: number }>;
  /** Applies the OSM dialog's choices and returns the chosen layers. */
  finishOsm(choices: OsmChoices): Promise<Partial<Record<OsmLayerKind, FC>>>;
  /** Forgets the cached file. */
  clear(): void;
}
