import type { Feature, Geometry } from 'geojson';
import { wgs84ToChineseCrsFeature, type ChineseCrs } from '../crs/chineseCrs';
import { withAttribution } from './withAttribution';

export interface GeoJsonChunksOptions {
  /** Top-level `attribution` member (e.g. for OpenStreetMap-derived data); left out when empty. */
  attribution?: string | null;
  /** Coordinate system of the text (the features are WGS84): each feature is converted as wgs84ToChineseCrs does. @default 'wgs84' */
  crs?: 'wgs84' | ChineseCrs;
  /**
   * Text length (UTF-16 units) from which the features gathered so far are handed out as one
   * chunk; 0 hands out every feature as it is made. Joining costs more than it saves when the
   * consumer buffers bytes itself (writeResult does), hence the default. @default 0
   */
  chunkSize?: number;
}

const OPEN = '{"type":"FeatureCollection","features":[';
const CLOSE = ']}';

/**
 * A compact GeoJSON FeatureCollection as string chunks, for collections too large for one
 * JSON.stringify (V8's string limit, and every feature held at once). `features` is read once,
 * lazily: a feature is converted (crs), serialised and dropped before the next is asked for, so a
 * generator can build them one at a time. The chunks joined are exactly
 * `JSON.stringify({ type: 'FeatureCollection', attribution?, features: [...] })` of the same
 * features (converted by wgs84ToChineseCrs when crs is not WGS84), the attribution after `type`.
 */
export function* geoJsonChunks(features: Iterable<Feature<Geometry | null>>, options: GeoJsonChunksOptions = {}): Generator<string, void, undefined> {
  const crs = options.crs ?? 'wgs84';
  const chunkSize = options.chunkSize ?? 0;
  const head = withAttribution(OPEN, options.attribution);
  // the features of one chunk, joined once (cheaper than growing one string feature by feature)
  let parts: string[] = [];
  let size = 0;
  let first = true;
  for (const f of features) {
    const g = crs === 'wgs84' ? f : wgs84ToChineseCrsFeature(f as Feature, crs);
    // as an array element: a value JSON cannot hold (undefined) is written as null
    const text = JSON.stringify(g) ?? 'null';
    parts.push(text);
    size += text.length + 1;
    if (size > chunkSize) {
      yield (first ? head : ',') + parts.join(',');
      first = false;
      parts = [];
      size = 0;
    }
  }
  yield (first ? head : parts.length ? ',' : '') + parts.join(',') + CLOSE;
}
