import type { Feature, FeatureCollection, Geometry } from 'geojson';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;

export interface AppendResult {
  fc: FC;
  /** Added features whose id was already taken and got a new one (the old one kept as `id_source`). */
  renamed: number;
}

/**
 * Adds a file's features to a loaded layer ("add to layer" in the import dialog) keeping every
 * `id` unique: an added feature whose id is already used (by the layer or by an earlier added
 * feature) gets the first free `<id>-2`, `<id>-3` …, and its file id stays in `id_source`.
 * Existing features come first and are not touched; inputs are not mutated.
 */
export function appendFeatures(existing: FC, added: FC): AppendResult {
  const used = new Set<string>();
  for (const f of existing.features) if (f.properties?.id != null) used.add(String(f.properties.id));
  let renamed = 0;
  const extra: Feature<Geometry, Record<string, unknown>>[] = added.features.map((f) => {
    const id = f.properties?.id == null ? null : String(f.properties.id);
    if (id === null || !used.has(id)) {
      if (id !== null) used.add(id);
      return f;
    }
    let n = 2;
    while (used.has(`${id}-${n}`)) n++;
    const next = `${id}-${n}`;
    used.add(next);
    renamed++;
    return { ...f, properties: { ...f.properties, id: next, id_source: f.properties.id } };
  });
  return { fc: { type: 'FeatureCollection', features: [...existing.features, ...extra] }, renamed };
}
