import type { IssueCode } from './issueCatalog';
import type { FileFormat } from './types';
import { detectUtf16 } from './decodeText';

export interface FormatGuess {
  format: FileFormat;
  /** Lower-case extension including the dot ('.osm.pbf' counts as one). */
  ext: string;
  /** Set when the file is recognised but cannot be read: the issue to report. */
  unsupported?: { code: IssueCode; params: Record<string, string> };
}

const UNSUPPORTED_EXT = new Set(['.kml', '.kmz', '.gpx', '.gml', '.gpkg', '.mbtiles', '.tif', '.tiff', '.mdb', '.gdb', '.mif', '.tab', '.pdf', '.png', '.jpg']);
const SHAPEFILE_PARTS = new Set(['.shp', '.shx', '.dbf', '.prj', '.cpg', '.sbn', '.sbx']);

function extensionOf(name: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('.osm.pbf')) return '.osm.pbf';
  const dot = lower.lastIndexOf('.');
  return dot >= 0 ? lower.slice(dot) : '';
}

function startsWith(b: Uint8Array, bytes: number[]): boolean {
  return bytes.every((x, i) => b[i] === x);
}

function asciiHead(b: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(n, b.length); i++) s += String.fromCharCode(b[i] as number);
  return s;
}

/** OSM PBF starts with a 4-byte big-endian BlobHeader length, then field 1 = "OSMHeader". */
function isOsmPbf(b: Uint8Array): boolean {
  if (b.length < 16) return false;
  const len = ((b[0] as number) << 24) | ((b[1] as number) << 16) | ((b[2] as number) << 8) | (b[3] as number);
  return len > 0 && len < 65536 && b[4] === 0x0a && asciiHead(b.subarray(6), 9) === 'OSMHeader';
}

function firstText(head: string): string {
  return head.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
}

/**
 * Decides how to read a file from its name and first bytes. Content wins over a wrong extension
 * for the unambiguous signatures (zip, OLE2/Excel, PBF, DWG); JSON vs CSV vs XML is sniffed
 * when the extension is unknown.
 */
export function detectFormat(name: string, input: Uint8Array | string): FormatGuess {
  const ext = extensionOf(name);
  if (typeof input !== 'string') {
    const b = input;
    if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
      const head = asciiHead(b, 2048);
      if (head.includes('[Content_Types].xml') || head.includes('xl/') || ext === '.xlsx') {
        return { format: 'unknown', ext, unsupported: { code: 'excel-file', params: {} } };
      }
      if (ext === '.kmz') return { format: 'unknown', ext, unsupported: { code: 'unsupported-format', params: { ext } } };
      return { format: 'shapefile-zip', ext };
    }
    if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) {
      return { format: 'unknown', ext, unsupported: { code: 'excel-file', params: {} } };
    }
    if (isOsmPbf(b)) return { format: 'osm-pbf', ext };
    if (asciiHead(b, 4) === 'AC10') return { format: 'unknown', ext, unsupported: { code: 'cad-unsupported', params: {} } };
  }
  if (ext === '.dwg' || ext === '.dxf') return { format: 'unknown', ext, unsupported: { code: 'cad-unsupported', params: {} } };
  if (ext === '.xlsx' || ext === '.xls') return { format: 'unknown', ext, unsupported: { code: 'excel-file', params: {} } };
  if (SHAPEFILE_PARTS.has(ext)) return { format: 'unknown', ext, unsupported: { code: 'shapefile-not-zipped', params: { ext } } };
  if (UNSUPPORTED_EXT.has(ext)) return { format: 'unknown', ext, unsupported: { code: 'unsupported-format', params: { ext } } };
  if (ext === '.zip') return { format: 'shapefile-zip', ext };
  if (ext === '.pbf' || ext === '.osm.pbf') return { format: 'osm-pbf', ext };
  if (ext === '.geojson' || ext === '.json' || ext === '.topojson') return { format: 'geojson', ext };
  if (ext === '.csv' || ext === '.tsv') return { format: 'csv', ext };
  if (ext === '.osm') return { format: 'osm-xml', ext };

  const utf16 = typeof input === 'string' ? null : detectUtf16(input);
  const head = firstText(
    typeof input === 'string' ? input.slice(0, 2048) : utf16 ? new TextDecoder(utf16).decode(input.subarray(0, 4096)) : asciiHead(input, 2048),
  );
  if (head.startsWith('{') || head.startsWith('[')) return { format: 'geojson', ext };
  if (head.startsWith('<')) {
    if (head.includes('<osm')) return { format: 'osm-xml', ext };
    if (head.includes('<kml') || head.includes('<gpx')) return { format: 'unknown', ext, unsupported: { code: 'unsupported-format', params: { ext: ext || 'XML' } } };
    // HTML and other XML: the geojson reader reports "web page" / "not JSON" precisely.
    return { format: ext === '.xml' ? 'osm-xml' : 'geojson', ext };
  }
  if (ext === '.txt' || /[,;\t|]/.test(head.split('\n')[0] ?? '')) return { format: 'csv', ext };
  return { format: 'unknown', ext, unsupported: { code: 'unsupported-format', params: { ext } } };
}
