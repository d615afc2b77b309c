import type { FeatureCollection } from 'geojson';
import { forEachPosition } from './mapCoordinates';
import { inChina } from './detectCoordinateSystem';
import type { ChineseCrs } from './chineseCrs';

export interface ChineseCrsSuggestion {
  /** The offset system the data probably use, or null when nothing points to one. */
  suggestion: ChineseCrs | null;
  /** 0..1; a suggestion is made from 0.5. */
  confidence: number;
  reasons_en: string[];
  reasons_zh: string[];
}

const WORDS: Record<ChineseCrs, RegExp> = {
  bd09: /baidu|bd-?09|bdmap|bmap|百度/i,
  gcj02: /amap|gaode|autonavi|gcj-?02|gcj|tencent|高德|腾讯|火星/i,
};
const WGS_WORDS = /wgs-?84|gps|osm|openstreetmap|天地图|tianditu|cgcs2000/i;
// Field sets of the Amap and Baidu place (POI) APIs, as exported by common crawlers.
const AMAP_FIELDS = ['typecode', 'adcode', 'pname', 'cityname', 'adname', 'citycode', 'business_area', 'biz_type', 'pcode'];
const BAIDU_FIELDS = ['uid', 'street_id', 'detail_info', 'detail', 'baidu_uid'];
const VALUE_KEYS = /^(source|src|from|provider|platform|crs|coord|coordsys|coord_type|坐标系|数据来源|来源)$/i;

/**
 * Suggests GCJ-02 or BD-09 when a layer in China looks like an Amap/Tencent or Baidu export: words
 * in the file name, field names or source fields ('amap', '高德', 'baidu', 'bd09' ...), the field
 * sets of those APIs, and Amap's 6-decimal coordinates. Only a suggestion: the offset cannot be
 * seen in the numbers themselves, so the user decides (DESIGN §1, issue 4).
 */
export function suggestChineseCrs(fc: FeatureCollection, options: { fileName?: string } = {}): ChineseCrsSuggestion {
  const none = (en: string, zh: string): ChineseCrsSuggestion => ({ suggestion: null, confidence: 0, reasons_en: [en], reasons_zh: [zh] });
  let n = 0;
  let inside = 0;
  let sixDecimals = 0;
  const sample = fc.features.slice(0, 2000);
  for (const f of sample) {
    if (!f.geometry) continue;
    forEachPosition(f.geometry, (x, y) => {
      if (n >= 20000) return;
      n++;
      if (inChina(x, y)) inside++;
      if (decimals(x) === 6 && decimals(y) === 6) sixDecimals++;
    });
  }
  if (n === 0 || inside / n < 0.8) return none('the data are not in China', '数据不在中国境内');

  const score: Record<ChineseCrs, number> = { gcj02: 0, bd09: 0 };
  const en: Record<ChineseCrs, string[]> = { gcj02: [], bd09: [] };
  const zh: Record<ChineseCrs, string[]> = { gcj02: [], bd09: [] };
  const note = (crs: ChineseCrs, s: number, e: string, z: string): void => {
    score[crs] += s;
    en[crs].push(e);
    zh[crs].push(z);
  };
  const keys = new Set<string>();
  for (const f of sample.slice(0, 200)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const keyText = [...keys].join(' ');
  if (WGS_WORDS.test(keyText) || (options.fileName && WGS_WORDS.test(options.fileName))) {
    return none('field or file names say WGS84/GPS/OSM', '字段或文件名表明为 WGS84/GPS/OSM 坐标');
  }
  for (const crs of ['bd09', 'gcj02'] as const) {
    if (options.fileName && WORDS[crs].test(options.fileName)) note(crs, 0.6, `file name "${options.fileName}"`, `文件名“${options.fileName}”`);
    const hitKey = [...keys].find((k) => WORDS[crs].test(k));
    if (hitKey) note(crs, 0.6, `field "${hitKey}"`, `字段“${hitKey}”`);
  }
  const lowerKeys = new Set([...keys].map((k) => k.toLowerCase()));
  const amap = AMAP_FIELDS.filter((k) => lowerKeys.has(k));
  if (amap.length >= 2) note('gcj02', 0.5, `Amap POI fields (${amap.join(', ')})`, `高德 POI 字段（${amap.join('、')}）`);
  const baidu = BAIDU_FIELDS.filter((k) => lowerKeys.has(k));
  if (baidu.length >= 2 || lowerKeys.has('baidu_uid')) note('bd09', 0.5, `Baidu POI fields (${baidu.join(', ')})`, `百度 POI 字段（${baidu.join('、')}）`);
  for (const f of sample.slice(0, 200)) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (typeof v !== 'string' || !VALUE_KEYS.test(k)) continue;
      for (const crs of ['bd09', 'gcj02'] as const) {
        if (WORDS[crs].test(v) && !en[crs].some((r) => r.startsWith('source'))) note(crs, 0.5, `source "${v.slice(0, 40)}"`, `来源“${v.slice(0, 40)}”`);
      }
    }
  }
  if (sixDecimals / n > 0.9 && n >= 5) note('gcj02', 0.2, 'coordinates have exactly 6 decimals, as Amap returns them', '坐标恰为 6 位小数（高德接口的格式）');

  const best: ChineseCrs = score.bd09 > score.gcj02 ? 'bd09' : 'gcj02';
  const confidence = Math.min(1, score[best]);
  if (confidence < 0.5) return { suggestion: null, confidence, reasons_en: en[best], reasons_zh: zh[best] };
  return { suggestion: best, confidence, reasons_en: en[best], reasons_zh: zh[best] };
}

function decimals(v: number): number {
  const s = String(v);
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : s.length - dot - 1;
}
