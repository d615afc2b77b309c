/**
 * Import/export core (DESIGN §3, §8): read user files into WGS84 GeoJSON with bilingual
 * validation messages, convert Chinese coordinate systems, classify OSM extracts into layers,
 * export GeoJSON/CSV that import back unchanged. Pure: Node and Web Worker, no DOM.
 */
export { readLayerFile } from './readLayerFile';
export type {
  ReadLayerOptions,
  ReadLayerResult,
  DetectedInfo,
  ImportIssue,
  IssueSeverity,
  FileFormat,
  SourceCrs,
  ProgressFn,
  ImportStage,
} from './types';
export { ISSUE_CATALOG, issueText, type IssueCode } from './issueCatalog';
export { IssueCollector, formatIssue, safeText } from './issueCollector';
export { detectFormat, type FormatGuess } from './detectFormat';
export { decodeText, looksBinary, type DecodedText } from './decodeText';
export { guessLayerKind, type KindGuess } from './guessLayerKind';
export { anchorPoint } from './anchorPoint';
export { repairSelfIntersection, isSelfIntersecting } from './geojson/checkSelfIntersections';
export { validateGeometry } from './geojson/validateGeometry';
export { findCoordinateColumns, parseCoordinate, type CoordinateColumns } from './csv/findCoordinateColumns';
export { parseWkt } from './csv/parseWkt';
export { detectDbfEncoding, type DbfEncoding } from './shapefile/detectDbfEncoding';
export { readOsmXml } from './osm/readOsmXml';
export { readOsmPbf } from './osm/readOsmPbf';
export { osmToFeatures, type OsmFeatures } from './osm/osmToFeatures';
export type { OsmData, OsmElement, OsmTags } from './osm/osmTypes';
export * from './crs';
// Field mapping lives with the canonical names in the model (owned by the lead); re-exported here.
export { suggestFieldMapping, FIELD_ALIASES } from '../model/fieldAliases';
export { classifyOsm, type ClassifyOsmOptions, type OsmClassification, type OsmLayers, type UnclassifiedFeature } from './classifyOsm';
export { isWalkableHighway, type TrunkPolicy } from './osm/isWalkableHighway';
export { classifyFacility, type FacilityMatch } from './osm/classifyFacility';
export { matchesAlternative, matchAlternatives, osmName } from './osm/matchOsmTags';
export { exportGeoJson, type ExportGeoJsonOptions, type AttributeSource } from './export/exportGeoJson';
export { toCsv, featuresToCsv, type ToCsvOptions, type FeaturesToCsvOptions } from './export/exportCsv';
export { importOsm, type ImportOsmResult } from './importOsm';
export { appendFeatures } from './appendFeatures';
export { type ImportChoices, applyImportChoices } from './applyImportChoices';
export { type OsmChoices, type OsmLayerKind, applyOsmChoices } from './applyOsmChoices';
export { autoImport } from './autoImport';
export { GEOMETRY_FAMILY, type GeometryFamily, type GeometrySplit, splitGeometryForKind } from './geometrySplit';
export { matchCategoryValue } from './matchCategoryValue';
export { type LifeCircleProject, type ParseProjectResult, type ProjectLayer, looksLikeProject, parseProject, serializeProject } from './project';
export { type ResolvedCategories } from './resolveFacilityCategories';
export { type ColumnSummary, summarizeColumns } from './summarizeColumns';
export { readTable, type TableRead } from './table/readTable';
