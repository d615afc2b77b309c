import type { FeatureCollection, Geometry } from 'geojson';
import type { LayerKind } from '../model/layerKinds';
import type { IssueCode } from './issueCatalog';
import type { KindGuess } from './guessLayerKind';

export type { LayerKind };

/** Formats `readLayerFile` understands. */
export type FileFormat = 'geojson' | 'csv' | 'shapefile-zip' | 'osm-xml' | 'osm-pbf' | 'overpass-json' | 'unknown';

/** Error: the file (or the feature) cannot be used. Warning: loaded, but look. Info: done for you. */
export type IssueSeverity = 'error' | 'warning' | 'info';

/**
 * One problem found while importing. Messages are plain text in both UI languages (never HTML:
 * imported strings such as file or field names appear verbatim and must be shown as text).
 * Repeated problems of one code are reported once with `count` and the first indices.
 */
export interface ImportIssue {
  code: IssueCode;
  severity: IssueSeverity;
  /** The file's name as given by the caller. */
  file: string;
  /** 0-based index of the first feature (or data row) concerned, when the problem is per feature. */
  featureIndex?: number;
  /** Up to 20 0-based indices of the features concerned. */
  featureIndices?: number[];
  /** How many features (rows, ways) have the problem. */
  count?: number;
  message_en: string;
  message_zh: string;
  /** What the user should do. */
  hint_en: string;
  hint_zh: string;
  /** Values interpolated into the messages (zone, EPSG code, column names ...), for UIs and tests. */
  params?: Record<string, string | number>;
}

/** The coordinate system the data are in. Everything is converted to WGS84 lon/lat. */
export type SourceCrs = 'auto' | 'wgs84' | 'gcj02' | 'bd09' | 'EPSG:3857' | `EPSG:${number}` | GkCrsId;
/** A Gauss-Krüger system by central meridian (crsCatalog.parseCrsId), e.g. 'gk3:117', 'xian80-gk6:111:zone'. */
export type GkCrsId = `${'' | 'cgcs2000-' | 'xian80-' | 'beijing54-'}gk${3 | 6}:${number}${'' | ':zone'}`;

/** Progress of a long import; fraction 0..1 within the whole import. */
export type ProgressFn = (p: { stage: ImportStage; fraction: number }) => void;
export type ImportStage = 'decode' | 'parse' | 'convert' | 'validate' | 'done';

export interface ReadLayerOptions {
  /** The layer kind the user chose; features of the wrong geometry type are dropped and reported. */
  kind?: LayerKind;
  /**
   * Source coordinate system. 'auto' (default) detects projected metres (Web Mercator, CGCS2000
   * Gauss-Krüger with zone prefix) and swapped lat/lon, and only SUGGESTS GCJ-02/BD-09 (converts
   * nothing for them). 'gcj02'/'bd09' convert to WGS84 with gcoord; 'EPSG:xxxx' and 'gk3:117'
   * style ids use proj4 with the systems of crs/crsCatalog.
   */
  crs?: SourceCrs;
  /** Split self-intersecting polygons into valid parts (turf unkinkPolygon); else only flag them. @default false */
  repairSelfIntersections?: boolean;
  /** Coordinate columns for CSV when not detected by name. */
  csvColumns?: { lon: string; lat: string };
  /** Shapefile zip with several layers: which one (base name without .shp); default the first. */
  shapefileLayer?: string;
  /** Warn above this size in bytes. @default 100 MB */
  hugeFileBytes?: number;
  /** Refuse above this size in bytes (browsers cannot hold larger strings). @default 500 MB */
  maxFileBytes?: number;
  onProgress?: ProgressFn;
}

/** What the importer worked out about the file. */
export interface DetectedInfo {
  format: FileFormat;
  /** Text encoding used (utf-8, gbk, utf-16le ...) when the file is text or has a DBF. */
  encoding?: string;
  /** The coordinate system the file was in, and what was done about it. */
  crs: {
    /** What the coordinates were read as, e.g. 'wgs84', 'EPSG:3857', 'EPSG:4526', 'gcj02'. */
    source: string;
    /** True when coordinates were converted to WGS84. */
    converted: boolean;
    /** True when lat/lon were swapped back. */
    swapped: boolean;
    /** A Chinese offset system the data probably use (never applied unless options.crs says so). */
    suggestion: 'gcj02' | 'bd09' | null;
    suggestionReasons: string[];
    /** Raw bounding box [xmin, ymin, xmax, ymax] of coordinates detected as projected metres (for choosing the system). */
    projectedBbox?: [number, number, number, number];
  };
  /** Guessed layer kind and why (and a conflict between geometry and fields, if any). */
  kind: KindGuess;
  /** Geometry type counts of the features returned. */
  geometryTypes: Partial<Record<Geometry['type'], number>>;
  /** CSV: the coordinate columns used. */
  csvColumns?: { lon: string; lat: string };
  /** Shapefile: layers in the zip and the one read. */
  shapefileLayers?: string[];
  /** OSM: ways referencing nodes absent from the file. */
  osmMissingNodeWays?: number;
}

export interface ReadLayerResult {
  /** False when an error makes the file unusable; `features` is then empty. */
  ok: boolean;
  /** WGS84 lon/lat features; original properties kept. */
  features: FeatureCollection;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  detected: DetectedInfo;
}
