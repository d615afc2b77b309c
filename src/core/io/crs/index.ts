export { mapGeometry, mapFeatureCollection, forEachPosition, type PositionFn } from './mapCoordinates';
export { gaussKrugerFromEpsg, gaussKrugerProj4, zoneFromEastings, type GaussKrugerZone } from './gaussKruger';
export {
  gcj02ToWgs84,
  bd09ToWgs84,
  wgs84ToGcj02,
  wgs84ToBd09,
  chineseCrsToWgs84,
  wgs84ToChineseCrs,
  type ChineseCrs,
} from './chineseCrs';
export { detectCoordinateSystem, inChina, CHINA_BBOX, type CoordinateGuess, type CoordinateStats } from './detectCoordinateSystem';
export { projectionToWgs84, isGeographicWkt, wktName } from './projectToWgs84';
export { suggestChineseCrs, type ChineseCrsSuggestion } from './suggestChineseCrs';
export {
  crsFromEpsg,
  crsId,
  crsLabel,
  crsProj4,
  crsToWgs84,
  datumNote,
  epsgOf,
  parseCrsId,
  SUPPORTED_EPSG_TEXT,
  SUPPORTED_EPSG_TEXT_ZH,
  DATUM_NAMES,
  type CrsDef,
  type Datum,
  type GkDef,
} from './crsCatalog';
export { CHINESE_PLACES, findPlace, type Place } from './chinesePlaces';
export { suggestProjectedCrs, canPrefixZone, type CrsCandidate, type PlaceHint, type ProjectedCrsHints } from './suggestProjectedCrs';
