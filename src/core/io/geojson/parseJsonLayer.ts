import type { Feature, FeatureCollection } from 'geojson';
import type { IssueCollector } from '../issueCollector';
import { jsonErrorPosition } from './jsonErrorPosition';

/** What a JSON file turned out to be. */
export type ParsedJson =
  | { kind: 'geojson'; fc: FeatureCollection; crsName: string | null }
  | { kind: 'overpass'; data: { elements: unknown[] } }
  | { kind: 'failed' };

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** True when the text looks like an HTML page (a failed download saved under a data name). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 1024));
}

/**
 * Bracket depth left open at the end of the text (strings skipped): > 0 means the JSON was cut
 * off, which deserves a different message ("download again") from a syntax error ("re-export").
 */
function openDepthAtEnd(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next char
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return inString ? depth + 1 : depth;
}

function syntaxDetail(text: string): { detail: string; detail_zh: string } {
  const pos = jsonErrorPosition(text);
  if (pos < 0) return { detail: 'syntax error', detail_zh: '语法错误' };
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return { detail: `syntax error at line ${line}, column ${col}`, detail_zh: `第 ${line} 行第 ${col} 列语法错误` };
}

/**
 * Parses the text of a .geojson/.json file into a FeatureCollection (also from a single Feature or a
 * bare geometry) or recognises Overpass JSON. Problems go to `issues`: web page, not JSON,
 * truncated JSON, TopoJSON, not GeoJSON.
 */
export function parseJsonLayer(text: string, issues: IssueCollector): ParsedJson {
  if (looksLikeHtml(text)) {
    issues.add('html-page');
    return { kind: 'failed' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const t = text.trimStart();
    if ((t.startsWith('{') || t.startsWith('[')) && openDepthAtEnd(text) > 0) issues.add('truncated-json');
    else issues.add('not-json', syntaxDetail(text));
    return { kind: 'failed' };
  }
  if (value === null || typeof value !== 'object') {
    issues.add('not-geojson', { detail: `the file holds a single ${value === null ? 'null' : typeof value}, not an object`, detail_zh: `文件只含一个${value === null ? ' null ' : typeof value === 'string' ? '字符串' : typeof value === 'number' ? '数字' : '值'}，而不是对象` });
    return { kind: 'failed' };
  }
  if (Array.isArray(value)) {
    const allFeatures = value.length > 0 && value.every((v) => v && typeof v === 'object' && (v as { type?: unknown }).type === 'Feature');
    if (allFeatures) return { kind: 'geojson', fc: { type: 'FeatureCollection', features: value as Feature[] }, crsName: null };
    issues.add('not-geojson', { detail: 'the top level is a list, not a FeatureCollection', detail_zh: '顶层是列表，而不是 FeatureCollection' });
    return { kind: 'failed' };
  }
  const obj = value as Record<string, unknown>;
  if (obj.type === 'Topology') {
    issues.add('topojson-unsupported');
    return { kind: 'failed' };
  }
  if (Array.isArray(obj.elements) && obj.type === undefined) return { kind: 'overpass', data: obj as { elements: unknown[] } };
  const crsName = crsMemberName(obj);
  if (obj.type === 'FeatureCollection' || (obj.type === undefined && 'features' in obj)) {
    if (!Array.isArray(obj.features)) {
      issues.add('not-geojson', { detail: '"features" is not a list', detail_zh: '“features”不是列表' });
      return { kind: 'failed' };
    }
    return { kind: 'geojson', fc: { type: 'FeatureCollection', features: obj.features as Feature[] }, crsName };
  }
  if (obj.type === 'Feature') {
    return { kind: 'geojson', fc: { type: 'FeatureCollection', features: [obj as unknown as Feature] }, crsName };
  }
  if (typeof obj.type === 'string' && GEOMETRY_TYPES.has(obj.type)) {
    const f = { type: 'Feature', properties: {}, geometry: obj } as unknown as Feature;
    return { kind: 'geojson', fc: { type: 'FeatureCollection', features: [f] }, crsName };
  }
  const detail =
    obj.type === undefined
      ? 'no "type" member; expected "FeatureCollection", "Feature" or a geometry'
      : `"type": "${String(obj.type).slice(0, 40)}" is not a GeoJSON type`;
  const detail_zh =
    obj.type === undefined
      ? '缺少“type”成员，应为“FeatureCollection”、“Feature”或几何对象'
      : `“type”: “${String(obj.type).slice(0, 40)}”不是 GeoJSON 类型`;
  issues.add('not-geojson', { detail, detail_zh });
  return { kind: 'failed' };
}

/** The legacy (2008) GeoJSON "crs" member, e.g. "urn:ogc:def:crs:EPSG::3857"; null when absent or WGS84. */
function crsMemberName(obj: Record<string, unknown>): string | null {
  const crs = obj.crs as { properties?: { name?: unknown } } | undefined;
  const name = crs?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/crs84|epsg:{1,2}(4326|4490)$/i.test(name)) return null;
  return name;
}
