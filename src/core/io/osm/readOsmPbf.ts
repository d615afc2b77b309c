import { ProtobufReader } from './protobufReader';
import { OsmReadError, type OsmData, type OsmElement, type OsmMember, type OsmTags } from './osmTypes';

const MEMBER_TYPES: OsmMember['type'][] = ['node', 'way', 'relation'];
const utf8 = new TextDecoder('utf-8');

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

function tagsOf(keys: number[], vals: number[], strings: string[]): OsmTags | undefined {
  if (keys.length === 0) return undefined;
  const t: OsmTags = {};
  for (let i = 0; i < keys.length; i++) t[strings[keys[i] as number] as string] = strings[vals[i] as number] as string;
  return t;
}

/** Decodes one PrimitiveBlock (OSM PBF "OSMData" blob) into elements. */
function readPrimitiveBlock(data: Uint8Array, out: OsmElement[]): void {
  const r = new ProtobufReader(data);
  const strings: string[] = [];
  const groups: Uint8Array[] = [];
  let granularity = 100;
  let latOffset = 0;
  let lonOffset = 0;
  // Groups reference the string table and the granularity/offsets that may follow them: read all first.
  r.fields((f, w) => {
    if (f === 1) {
      const st = r.message();
      st.fields((g) => {
        if (g === 1) strings.push(utf8.decode(st.bytes()));
      });
    } else if (f === 2) groups.push(r.bytes());
    else if (f === 17) granularity = r.varint();
    else if (f === 19) latOffset = r.varint();
    else if (f === 20) lonOffset = r.varint();
    else r.skip(w);
  });
  const lat = (v: number): number => round7(1e-9 * (latOffset + granularity * v));
  const lon = (v: number): number => round7(1e-9 * (lonOffset + granularity * v));
  for (const gb of groups) {
    const g = new ProtobufReader(gb);
    g.fields((f) => {
      if (f === 1) {
        const m = g.message();
        let id = 0;
        let la = 0;
        let lo = 0;
        const keys: number[] = [];
        const vals: number[] = [];
        m.fields((k, w) => {
          if (k === 1) id = m.svarint();
          else if (k === 2) m.packed(w, false, keys);
          else if (k === 3) m.packed(w, false, vals);
          else if (k === 8) la = m.svarint();
          else if (k === 9) lo = m.svarint();
          else m.skip(w);
        });
        const node: OsmElement = { type: 'node', id, lat: lat(la), lon: lon(lo) };
        const tags = tagsOf(keys, vals, strings);
        if (tags) node.tags = tags;
        out.push(node);
      } else if (f === 2) {
        const m = g.message();
        const ids: number[] = [];
        const las: number[] = [];
        const los: number[] = [];
        const kv: number[] = [];
        m.fields((k, w) => {
          if (k === 1) m.packed(w, true, ids);
          else if (k === 8) m.packed(w, true, las);
          else if (k === 9) m.packed(w, true, los);
          else if (k === 10) m.packed(w, false, kv);
          else m.skip(w);
        });
        let id = 0;
        let la = 0;
        let lo = 0;
        let j = 0;
        for (let i = 0; i < ids.length; i++) {
          id += ids[i] as number;
          la += las[i] as number;
          lo += los[i] as number;
          const node: OsmElement = { type: 'node', id, lat: lat(la), lon: lon(lo) };
          if (kv.length > 0) {
            let tags: OsmTags | undefined;
            while (j < kv.length && kv[j] !== 0) {
              (tags ??= {})[strings[kv[j] as number] as string] = strings[kv[j + 1] as number] as string;
              j += 2;
            }
            j++;
            if (tags) node.tags = tags;
          }
          out.push(node);
        }
      } else if (f === 3 || f === 4) {
        const m = g.message();
        let id = 0;
        const keys: number[] = [];
        const vals: number[] = [];
        const refs: number[] = [];
        const roles: number[] = [];
        const types: number[] = [];
        m.fields((k, w) => {
          if (k === 1) id = m.varint();
          else if (k === 2) m.packed(w, false, keys);
          else if (k === 3) m.packed(w, false, vals);
          else if (k === 8) m.packed(w, f === 3, f === 3 ? refs : roles);
          else if (k === 9 && f === 4) m.packed(w, true, refs);
          else if (k === 10 && f === 4) m.packed(w, false, types);
          else m.skip(w);
        });
        let ref = 0;
        const deltas = refs.map((d) => (ref += d));
        const tags = tagsOf(keys, vals, strings);
        if (f === 3) {
          const way: OsmElement = { type: 'way', id, nodes: deltas };
          if (tags) way.tags = tags;
          out.push(way);
        } else {
          const members = deltas.map((r, i) => ({ type: MEMBER_TYPES[types[i] as number] ?? 'node', ref: r, role: strings[roles[i] as number] ?? '' }));
          const rel: OsmElement = { type: 'relation', id, members };
          if (tags) rel.tags = tags;
          out.push(rel);
        }
      } else g.skip(2);
    });
  }
}

/**
 * Reads an OSM PBF file (the format of Geofabrik and BBBike extracts) into Overpass-JSON-shaped
 * elements. Pure TypeScript: a minimal protobuf reader and the platform's zlib
 * (DecompressionStream), so it runs in browsers, workers and Node 20 with no native code. Raw and
 * zlib blobs are supported (what osmium/osmosis write); LZMA/LZ4/ZSTD blobs are refused.
 */
export async function readOsmPbf(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<OsmData> {
  const elements: OsmElement[] = [];
  let bounds: OsmData['bounds'];
  let pos = 0;
  let sawHeader = false;
  try {
    while (pos < bytes.length) {
      if (pos + 4 > bytes.length) throw new OsmReadError('cut off in a blob header', true);
      const hlen = (((bytes[pos] as number) << 24) | ((bytes[pos + 1] as number) << 16) | ((bytes[pos + 2] as number) << 8) | (bytes[pos + 3] as number)) >>> 0;
      pos += 4;
      if (hlen > 64 * 1024 || pos + hlen > bytes.length) throw new OsmReadError('damaged blob header', pos + hlen > bytes.length);
      const h = new ProtobufReader(bytes, pos, pos + hlen);
      let type = '';
      let dataSize = 0;
      h.fields((f, w) => {
        if (f === 1) type = utf8.decode(h.bytes());
        else if (f === 3) dataSize = h.varint();
        else h.skip(w);
      });
      pos += hlen;
      if (pos + dataSize > bytes.length) throw new OsmReadError('cut off inside a data block', true);
      const b = new ProtobufReader(bytes, pos, pos + dataSize);
      pos += dataSize;
      let raw: Uint8Array | null = null;
      let zlib: Uint8Array | null = null;
      let other = 0;
      b.fields((f, w) => {
        if (f === 1) raw = b.bytes();
        else if (f === 3) zlib = b.bytes();
        else if (f >= 4 && f <= 7) {
          other = f;
          b.skip(w);
        } else b.skip(w);
      });
      if (other && !raw && !zlib) throw new OsmReadError('uses LZMA/LZ4/ZSTD compression, which is not supported');
      const data: Uint8Array = raw ?? (zlib ? await inflate(zlib) : new Uint8Array());
      if (type === 'OSMHeader') {
        sawHeader = true;
        const r = new ProtobufReader(data);
        r.fields((f, w) => {
          if (f === 1) {
            const bb = r.message();
            const v = [0, 0, 0, 0];
            bb.fields((k) => {
              if (k >= 1 && k <= 4) v[k - 1] = bb.svarint() * 1e-9;
            });
            bounds = [v[0] as number, v[3] as number, v[1] as number, v[2] as number];
          } else if (f === 4) {
            const feature = utf8.decode(r.bytes());
            if (feature !== 'OsmSchema-V0.6' && feature !== 'DenseNodes' && feature !== 'HistoricalInformation') {
              throw new OsmReadError(`requires the unsupported feature "${feature}"`);
            }
          } else r.skip(w);
        });
      } else if (type === 'OSMData') {
        if (!sawHeader) throw new OsmReadError('data before the OSM header');
        readPrimitiveBlock(data, elements);
      }
      onProgress?.(pos / bytes.length);
    }
  } catch (e) {
    if (e instanceof OsmReadError) throw e;
    throw new OsmReadError(e instanceof Error ? e.message : 'damaged data');
  }
  if (!sawHeader) throw new OsmReadError('no OSM header block: this is not an OSM PBF file');
  return bounds ? { elements, bounds } : { elements };
}
