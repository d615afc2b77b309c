export { LAYER_KINDS, KIND_GEOMETRIES, KIND_NAMES, isLayerKind, type LayerKind } from './layerKinds';
export { FIELD_ALIASES, suggestFieldMapping } from './fieldAliases';
export { normalizeFeature, normalizeLayer, parseNumber, type NormalizeOptions } from './normalize';
