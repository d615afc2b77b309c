import type { FeatureCollection, Geometry } from 'geojson';
import { isLayerKind, type LayerKind } from '../model/layerKinds';
import type { RuleSet } from '../rules/types';
import { validateRuleSet } from '../rules/validateRuleSet';
import { IssueCollector, safeText } from './issueCollector';
import { cleanFeatures } from './geojson/cleanFeatures';
import { finishFeatures } from './finishFeatures';
import type { ImportIssue } from './types';

/** The `schema` member that marks a LifeCircle project file (`*.lifecircle.json`). */
export const PROJECT_SCHEMA = 'lifecircle-project';
/** The project format this build writes and reads. */
export const PROJECT_VERSION = 1;

export type ProjectLayerSource = 'demo' | 'file' | 'osm' | 'project';

/** One layer of a project: what the app holds for a loaded layer. */
export interface ProjectLayer {
  kind: LayerKind;
  /** File name or "demo". */
  name: string;
  source: ProjectLayerSource;
  attribution?: string;
  fc: FeatureCollection<Geometry, Record<string, unknown>>;
}

/** A saved workspace: layers, the rule set and the app's settings (free-form, read defensively by the app). */
export interface LifeCircleProject {
  schema: typeof PROJECT_SCHEMA;
  version: typeof PROJECT_VERSION;
  /** ISO time of saving. */
  saved: string;
  layers: ProjectLayer[];
  rules: RuleSet;
  settings: Record<string, unknown>;
}

export type ProjectErrorCode = 'not-json' | 'not-project' | 'geojson-not-project' | 'newer-version' | 'old-version' | 'bad-layers' | 'bad-rules';

/** Why a file is not a usable project, in both UI languages (plain text; names are sanitised). */
export interface ProjectError {
  code: ProjectErrorCode;
  message_en: string;
  message_zh: string;
  hint_en: string;
  hint_zh: string;
}

export type ParseProjectResult = { ok: true; project: LifeCircleProject; warnings: ImportIssue[] } | { ok: false; error: ProjectError };

const SOURCES = new Set<ProjectLayerSource>(['demo', 'file', 'osm', 'project']);

/**
 * The project as JSON text. `schema` and `version` come first so a reader can recognise the file
 * from its first bytes. Non-finite numbers become null (JSON has no Infinity).
 */
export function serializeProject(input: { layers: readonly ProjectLayer[]; rules: RuleSet; settings: Record<string, unknown>; saved?: Date }): string {
  const project: LifeCircleProject = {
    schema: PROJECT_SCHEMA,
    version: PROJECT_VERSION,
    saved: (input.saved ?? new Date()).toISOString(),
    layers: input.layers.map((l) => ({
      kind: l.kind,
      name: l.name,
      source: l.source,
      ...(l.attribution ? { attribution: l.attribution } : {}),
      fc: l.fc,
    })),
    rules: input.rules,
    settings: input.settings,
  };
  return JSON.stringify(project);
}

/** True when the first bytes of a file look like a LifeCircle project (cheap sniff before parsing). */
export function looksLikeProject(head: string): boolean {
  return /"schema"\s*:\s*"lifecircle-project"/.test(head.slice(0, 512));
}

function fail(code: ProjectErrorCode, file: string, en: string, zh: string, hintEn: string, hintZh: string): ParseProjectResult {
  const f = safeText(file, 120);
  return { ok: false, error: { code, message_en: `${f}: ${en}`, message_zh: `${f}：${zh}`, hint_en: hintEn, hint_zh: hintZh } };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The first structural problem of a layer as [en, zh], or null. Features are checked shallowly (type, geometry shape). */
function layerProblem(l: unknown): [string, string] | null {
  if (!isObject(l)) return ['is not an object', '不是对象'];
  if (!isLayerKind(l.kind)) return [`has an unknown kind "${safeText(l.kind, 40)}"`, `图层类型“${safeText(l.kind, 40)}”未知`];
  if (typeof l.name !== 'string') return ['has no name', '缺少名称'];
  if (!SOURCES.has(l.source as ProjectLayerSource)) return [`has an unknown source "${safeText(l.source, 40)}"`, `来源“${safeText(l.source, 40)}”未知`];
  if (l.attribution !== undefined && typeof l.attribution !== 'string') return ['has an attribution that is not text', '署名不是文本'];
  const fc = l.fc;
  if (!isObject(fc) || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return ['is not a GeoJSON FeatureCollection', '不是 GeoJSON FeatureCollection'];
  for (let i = 0; i < fc.features.length; i++) {
    const f = fc.features[i] as unknown;
    if (!isObject(f) || f.type !== 'Feature') return [`feature ${i + 1} is not a GeoJSON Feature`, `第 ${i + 1} 个要素不是 GeoJSON Feature`];
    const g = f.geometry;
    if (g !== null && (!isObject(g) || typeof g.type !== 'string' || !Array.isArray(g.coordinates))) return [`feature ${i + 1} has no valid geometry`, `第 ${i + 1} 个要素的几何无效`];
    if (!isObject(f.properties)) return [`feature ${i + 1} has no properties object`, `第 ${i + 1} 个要素缺少 properties 对象`];
  }
  return null;
}

/**
 * Reads a project file (`.lifecircle.json`) written by serializeProject and checks it: JSON,
 * the schema marker, the version (newer and older versions are refused with a clear message, as is
 * a plain GeoJSON file), every layer's shape and the rule set. Never throws.
 * @param text the file's text (a leading BOM is ignored)
 * @param fileName for messages
 */
export function parseProject(text: string, fileName: string): ParseProjectResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const detail = safeText(e instanceof Error ? e.message : String(e), 120);
    return fail('not-json', fileName, `not a valid JSON file (${detail}); it may be truncated or damaged.`, `不是有效的 JSON 文件（${detail}），可能不完整或已损坏。`, 'Save the project again from LifeCircle, or open another copy.', '请在 LifeCircle 中重新保存项目，或打开另一份副本。');
  }
  if (!isObject(value) || value.schema !== PROJECT_SCHEMA) {
    const t = isObject(value) ? value.type : undefined;
    if (t === 'FeatureCollection' || t === 'Feature') {
      return fail('geojson-not-project', fileName, 'this is a GeoJSON data file, not a LifeCircle project.', '这是 GeoJSON 数据文件，不是 LifeCircle 项目文件。', 'Import it as data (drop it on the map or use "Import data").', '请把它作为数据导入（拖到地图上或使用“导入数据”）。');
    }
    return fail('not-project', fileName, 'not a LifeCircle project file (no "schema": "lifecircle-project").', '不是 LifeCircle 项目文件（缺少 "schema": "lifecircle-project"）。', 'Open a file saved with "Save project" (*.lifecircle.json).', '请打开用“保存项目”保存的文件（*.lifecircle.json）。');
  }
  const v = value.version;
  if (typeof v !== 'number') {
    const found = v === undefined ? 'no "version"' : `"version": ${safeText(JSON.stringify(v), 20)} (${Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'text' : typeof v})`;
    const found_zh = v === undefined ? '缺少 "version"' : `"version": ${safeText(JSON.stringify(v), 20)}（${Array.isArray(v) ? '列表' : typeof v === 'string' ? '文本' : typeof v}）`;
    return fail('old-version', fileName, `the project format version is not a number: found ${found}, expected the number ${PROJECT_VERSION}.`, `项目格式版本不是数字：实际为 ${found_zh}，应为数字 ${PROJECT_VERSION}。`, `If the file was edited by hand, write "version": ${PROJECT_VERSION} (a number, without quotes); else save the project again from LifeCircle.`, `如果文件经过手工编辑，请写为 "version": ${PROJECT_VERSION}（数字，不加引号）；否则请在 LifeCircle 中重新保存项目。`);
  }
  if (!Number.isInteger(v) || v < PROJECT_VERSION) {
    return fail('old-version', fileName, `the project format version ${safeText(v, 20)} is not supported (this app reads version ${PROJECT_VERSION}).`, `不支持项目格式版本 ${safeText(v, 20)}（本程序读取版本 ${PROJECT_VERSION}）。`, 'Re-import the original data files and save a new project.', '请重新导入原始数据文件并另存新项目。');
  }
  if (v > PROJECT_VERSION) {
    return fail('newer-version', fileName, `the project was saved by a newer LifeCircle (format version ${v}; this app reads version ${PROJECT_VERSION}).`, `该项目由更新版本的 LifeCircle 保存（格式版本 ${v}；本程序读取版本 ${PROJECT_VERSION}）。`, 'Update LifeCircle (reload the page) and open it again.', '请更新 LifeCircle（刷新页面）后再打开。');
  }
  if (!Array.isArray(value.layers)) {
    return fail('bad-layers', fileName, 'the project has no "layers" list.', '项目缺少 "layers" 图层列表。', 'The file is damaged: open another copy or re-import the data.', '文件已损坏：请打开另一份副本或重新导入数据。');
  }
  const seen = new Set<string>();
  for (let i = 0; i < value.layers.length; i++) {
    const l = value.layers[i] as Record<string, unknown>;
    let problem = layerProblem(l);
    if (!problem && seen.has(String(l.kind))) problem = [`repeats the kind "${String(l.kind)}"`, `图层类型“${String(l.kind)}”重复`];
    if (problem) {
      return fail('bad-layers', fileName, `layer ${i + 1} ${problem[0]}.`, `第 ${i + 1} 个图层有误：${problem[1]}。`, 'The file is damaged: open another copy or re-import the data.', '文件已损坏：请打开另一份副本或重新导入数据。');
    }
    seen.add(String(l.kind));
  }
  const ruleProblems = validateRuleSet(value.rules);
  if (ruleProblems.length) {
    const p = ruleProblems[0];
    const detail = `${p.path} ${safeText(p.message, 120)}${ruleProblems.length > 1 ? ` (+${ruleProblems.length - 1})` : ''}`;
    return fail('bad-rules', fileName, `the project's rule set is invalid: ${detail}.`, `项目中的规则集无效：${detail}。`, 'Open another copy, or re-import the data and edit the rules again.', '请打开另一份副本，或重新导入数据并重新编辑规则。');
  }
  // Every layer's features go through the import's own checks, with its messages.
  const layers: ProjectLayer[] = [];
  const warnings: ImportIssue[] = [];
  for (const l of value.layers as ProjectLayer[]) {
    const checked = checkLayerFeatures(l, fileName);
    const error = checked.issues.find((i) => i.severity === 'error');
    if (error) {
      return { ok: false, error: { code: 'bad-layers', message_en: error.message_en, message_zh: error.message_zh, hint_en: error.hint_en, hint_zh: error.hint_zh } };
    }
    warnings.push(...checked.issues);
    layers.push({ ...l, fc: checked.fc });
  }
  const settings = isObject(value.settings) ? value.settings : {};
  return {
    ok: true,
    project: {
      schema: PROJECT_SCHEMA,
      version: PROJECT_VERSION,
      saved: typeof value.saved === 'string' ? value.saved : '',
      layers,
      rules: value.rules as RuleSet,
      settings,
    },
    warnings,
  };
}

/**
 * A project layer's features checked as an import of that layer kind checks them (invalid or
 * empty geometry, coordinates out of range, geometry the kind does not take…): bad features are
 * left out and counted, under the name "<project> › <layer name>". An empty layer stays empty.
 */
function checkLayerFeatures(l: ProjectLayer, fileName: string): { fc: ProjectLayer['fc']; issues: ImportIssue[] } {
  if (l.fc.features.length === 0) return { fc: l.fc, issues: [] };
  const issues = new IssueCollector(`${fileName} › ${l.name}`);
  const items = cleanFeatures(l.fc.features, issues);
  const fin = finishFeatures(items, { fileName, options: { kind: l.kind, crs: 'wgs84' }, issues, rawCount: l.fc.features.length });
  return { fc: fin.features as ProjectLayer['fc'], issues: issues.issues() };
}
