import type { Feature, Geometry } from 'geojson';
import type { ChineseCrs } from '../crs/chineseCrs';
import { wgs84ToChineseCrsFeature } from '../crs/chineseCrs';
import type { AttributeSink } from './attributeSink';
import { communityResultFeature, putCommunityResultAttributes, type CommunityResultTables } from './communityAttributes';
import { isScalar } from './flatProperties';
import { withAttribution } from './withAttribution';

export interface CommunityResultChunksOptions {
  /** Coordinate system of the text (the communities are WGS84). @default 'wgs84' */
  crs?: 'wgs84' | ChineseCrs;
  /** Top-level `attribution` member; left out when empty. */
  attribution?: string | null;
  /** More attributes after the analysis' (communityResultFeatures' `extra`). */
  extra?: (out: Record<string, unknown>, c: number) => void;
}

/**
 * The communities with their analysis attributes as GeoJSON text in pieces, lazily: joined,
 * exactly `geoJsonChunks(communityResultFeatures(communities, t, extra), { crs, attribution })`
 * (the CLI's output). The usual community — WGS84, plain property values, no `extra` — is written
 * straight from its properties' JSON and the attribute list (putCommunityResultAttributes): no
 * merged object of ~100 keys per feature, which V8 keeps as a slow dictionary and which costs
 * more to build and serialise than the text itself. Its properties (Chinese names make a string
 * two bytes a character) and the attributes and geometry (ASCII) are separate pieces, as UTF-8 is
 * written much faster from one-byte strings. Any other community goes through
 * communityResultFeature and JSON.stringify.
 */
export function* communityResultChunks(
  communities: { features: readonly Feature<Geometry | null>[] }, t: CommunityResultTables, options: CommunityResultChunksOptions = {},
): Generator<string, void, undefined> {
  const crs = options.crs ?? 'wgs84';
  const { extra } = options;
  const features = communities.features;
  const C = features.length;
  yield withAttribution('{"type":"FeatureCollection","features":[', options.attribution);
  if (crs !== 'wgs84' || extra || C === 0) {
    for (let c = 0; c < C; c++) {
      const f = communityResultFeature(features[c], t, c, extra);
      // as an array element: a value JSON cannot hold (undefined) is written as null
      yield (c ? ',' : '') + (JSON.stringify(crs === 'wgs84' ? f : wgs84ToChineseCrsFeature(f as Feature, crs)) ?? 'null');
    }
    yield ']}';
    return;
  }
  // The attribute names, the same for every community, in order: the n-th value passed to the
  // sink is the n-th name's (checked), so its `,"name":` text is made once.
  const names: string[] = [];
  putCommunityResultAttributes(t, 0, (key) => void names.push(key));
  const prefix = names.map((k) => ',' + JSON.stringify(k) + ':');
  const position = new Map(names.map((k, i) => [k, i]));
  // per community: the attributes' text, and the source properties an attribute takes the place
  // of (e.g. `population`: 1 in `taken`), set on a copy of the properties
  const taken = new Uint8Array(names.length);
  const takenList: number[] = [];
  let copy: Record<string, unknown> = {};
  let text = '';
  let n = 0;
  let outOfStep = false;
  const sink: AttributeSink = (key, value) => {
    const i = n++;
    if (key !== names[i]) outOfStep = true;
    else if (taken[i]) copy[key] = value;
    else text += prefix[i] + valueJson(value);
  };
  for (let c = 0; c < C; c++) {
    const f = features[c];
    const src = f.properties;
    const sep = c ? ',' : '';
    for (const i of takenList) taken[i] = 0;
    takenList.length = 0;
    if (plainProperties(src, position, takenList)) {
      for (const i of takenList) taken[i] = 1;
      text = '';
      n = 0;
      outOfStep = false;
      if (takenList.length > 0) copy = { ...src };
      putCommunityResultAttributes(t, c, sink);
      if (!outOfStep && n === names.length) {
        const srcJson = JSON.stringify(takenList.length > 0 ? copy : src);
        const [before, after] = otherMembers(f);
        // the properties' own text without its closing brace, then the attributes after them
        if (srcJson === '{}') yield sep + '{' + before + '"properties":{' + text.slice(1) + '}' + after + '}';
        else {
          yield sep + '{' + before + '"properties":' + srcJson.slice(0, -1);
          yield text + '}' + after + '}';
        }
        continue;
      }
    }
    yield sep + JSON.stringify(communityResultFeature(f, t, c));
  }
  yield ']}';
}

/** JSON of an attribute value (as JSON.stringify writes it). */
function valueJson(v: number | boolean | null): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return v === null ? 'null' : v ? 'true' : 'false';
}

/**
 * Properties the text path writes exactly as the object path would: a plain object whose own
 * values flatProperties keeps as they are, without "__proto__". `taken` gets the positions of its
 * keys that are attribute names (the attribute's value goes in their place).
 */
function plainProperties(src: unknown, position: ReadonlyMap<string, number>, taken: number[]): src is Record<string, unknown> {
  if (src === null || typeof src !== 'object' || Array.isArray(src) || Object.getPrototypeOf(src) !== Object.prototype) return false;
  const props = src as Record<string, unknown>;
  const keys = Object.keys(props);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === '__proto__' || !isScalar(props[k])) return false;
    const p = position.get(k);
    if (p !== undefined) taken.push(p);
  }
  return true;
}

/**
 * The members of JSON.stringify({ ...f, properties }) before and after "properties" (with their
 * commas: `{"type":"Feature",` and `,"geometry":{…}`), `{` and `}` left out.
 */
function otherMembers(f: Feature<Geometry | null>): [string, string] {
  let before = '';
  let after = '';
  let placed = false;
  const keys = Object.keys(f);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === 'properties') {
      placed = true;
      continue;
    }
    const json = JSON.stringify((f as unknown as Record<string, unknown>)[k]);
    if (json === undefined) continue;
    const member = JSON.stringify(k) + ':' + json;
    if (placed) after += ',' + member;
    else before += member + ',';
  }
  // a feature without properties gets them last, as a spread appends a new key
  return placed ? [before, after] : [before, ''];
}
