export { LAYER_KINDS, KIND_GEOMETRIES, KIND_NAMES, isLayerKind, type LayerKind } from './layerKinds';
export { FIELD_ALIASES, suggestFieldMapping } from './fieldAliases';
export { normalizeFeature, normalizeLayer, parseNumber, NUMERIC_FIELDS, type NormalizeOptions } from './normalize';
export { builtYear, isOld } from './oldCommunity';
export { featureLabel } from './featureLabel';
export { communityPopulation, elderlyShare, type CommunityPopulation } from './communityPopulation';
export { readNumber, MIN_YEAR, maxYear, type NumberKind, type NumberReading, type NumberProblem } from './parseNumber';
export { patchProgramme, PROGRAMME_STATUS_WORD, PROGRAMME_STATUSES, PROGRAMME_WORKS, programmeProgress, programmeStatus, programmeWorks, type ProgrammePatch, type ProgrammeStatus } from './programme';
export { neighborhoodOf, subdistrictOf } from './adminUnit';
