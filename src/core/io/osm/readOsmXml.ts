import { OsmReadError, type OsmData, type OsmElement, type OsmMember, type OsmTags } from './osmTypes';

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITY[e.toLowerCase()] ?? '';
  });
}

function lineOf(text: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

const ATTR = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const NAME = /[A-Za-z_][\w:.-]*/y;

/**
 * Reads OSM XML (API 0.6 / JOSM / Overpass / osmium / OSMnx output) into Overpass-JSON-shaped
 * elements with a small single-pass tag scanner: no DOM, so it runs in a Web Worker, and it is
 * fast enough for 100 MB files. Attribute order does not matter. Throws OsmReadError for text that
 * is not OSM XML or is cut off before `</osm>`.
 */
export function readOsmXml(text: string, onProgress?: (fraction: number) => void): OsmData {
  const elements: OsmElement[] = [];
  let bounds: OsmData['bounds'];
  let current: OsmElement | null = null;
  let sawRoot = false;
  let closedRoot = false;
  let pos = 0;
  let nextReport = 1 << 20;
  const len = text.length;
  const bad = (msg: string, at: number): never => {
    throw new OsmReadError(`${msg} at line ${lineOf(text, at)}`);
  };
  while (pos < len) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) break;
    if (onProgress && lt > nextReport) {
      onProgress(lt / len);
      nextReport = lt + (1 << 20);
    }
    const c = text.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const end = text.indexOf('?>', lt);
      if (end < 0) throw new OsmReadError('cut off', true);
      pos = end + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      const end = text.startsWith('<!--', lt) ? text.indexOf('-->', lt) + 3 : text.startsWith('<![CDATA[', lt) ? text.indexOf(']]>', lt) + 3 : text.indexOf('>', lt) + 1;
      if (end <= lt) throw new OsmReadError('cut off', true);
      pos = end;
      continue;
    }
    if (c === 47 /* / */) {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new OsmReadError('cut off', true);
      const name = text.slice(lt + 2, end).trim();
      if (name === 'node' || name === 'way' || name === 'relation') {
        if (current) elements.push(current);
        current = null;
      } else if (name === 'osm' || name === 'osmChange') closedRoot = true;
      pos = end + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const nm = NAME.exec(text);
    if (!nm) bad('malformed tag', lt);
    const name = (nm as RegExpExecArray)[0];
    let p = NAME.lastIndex;
    const attrs: Record<string, string> = {};
    for (;;) {
      ATTR.lastIndex = p;
      const a = ATTR.exec(text);
      if (!a) break;
      attrs[a[1] as string] = a[2] ?? (a[3] as string);
      p = ATTR.lastIndex;
    }
    while (p < len && /\s/.test(text[p] as string)) p++;
    let selfClosing = false;
    if (text[p] === '/') {
      selfClosing = true;
      p++;
    }
    if (p >= len) throw new OsmReadError('cut off', true);
    if (text[p] !== '>') bad(`malformed <${name}> tag`, lt);
    pos = p + 1;

    switch (name) {
      case 'osm':
        sawRoot = true;
        break;
      case 'bounds':
        bounds = [Number(attrs.minlon), Number(attrs.minlat), Number(attrs.maxlon), Number(attrs.maxlat)];
        break;
      case 'node': {
        if (current) elements.push(current);
        const lat = Number(attrs.lat);
        const lon = Number(attrs.lon);
        const node: OsmElement = { type: 'node', id: Number(attrs.id), lat, lon };
        if (attrs.action === 'delete' || attrs.visible === 'false') {
          current = null;
          break;
        }
        current = node;
        if (selfClosing) {
          elements.push(node);
          current = null;
        }
        break;
      }
      case 'way':
        if (current) elements.push(current);
        current = attrs.action === 'delete' || attrs.visible === 'false' ? null : { type: 'way', id: Number(attrs.id), nodes: [] };
        if (selfClosing && current) {
          elements.push(current);
          current = null;
        }
        break;
      case 'relation':
        if (current) elements.push(current);
        current = attrs.action === 'delete' || attrs.visible === 'false' ? null : { type: 'relation', id: Number(attrs.id), members: [] };
        if (selfClosing && current) {
          elements.push(current);
          current = null;
        }
        break;
      case 'tag':
        if (current && attrs.k !== undefined) {
          const tags: OsmTags = (current.tags ??= {});
          tags[decodeEntities(attrs.k)] = decodeEntities(attrs.v ?? '');
        }
        break;
      case 'nd':
        if (current?.type === 'way') current.nodes.push(Number(attrs.ref));
        break;
      case 'member':
        if (current?.type === 'relation') {
          current.members.push({ type: attrs.type as OsmMember['type'], ref: Number(attrs.ref), role: decodeEntities(attrs.role ?? '') });
        }
        break;
      default:
        break;
    }
  }
  if (!sawRoot) throw new OsmReadError('no <osm> root element: this is not OpenStreetMap XML');
  if (!closedRoot) throw new OsmReadError('cut off', true);
  if (current) elements.push(current);
  return bounds ? { elements, bounds } : { elements };
}
