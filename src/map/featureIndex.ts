import type { LayerFeatures } from '../store/layersSlice';

const indexes = new WeakMap<LayerFeatures, Map<unknown, number>>();

/**
 * The index of a feature in its layer, for layers drawn from a filtered or split copy of the
 * features (picking then reports the index in the copy). -1 when the feature is not in the layer.
 */
export function featureIndex(fc: LayerFeatures, feature: unknown): number {
  let m = indexes.get(fc);
  if (!m) {
    m = new Map();
    fc.features.forEach((f, i) => m!.set(f, i));
    indexes.set(fc, m);
  }
  return m.get(feature) ?? -1;
}
