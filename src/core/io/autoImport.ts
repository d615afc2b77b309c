import type { FeatureCollection, Geometry } from 'geojson';
import { suggestFieldMapping } from '../model/fieldAliases';
import type { LayerKind } from '../model/layerKinds';
import type { RuleSet } from '../rules/types';
import { applyImportChoices } from './applyImportChoices';
import { IssueCollector } from './issueCollector';
import { resolveFacilityCategories, type ResolvedCategories } from './resolveFacilityCategories';
import type { ImportIssue } from './types';

export interface AutoImport {
  /** The canonical layer, exactly as the import dialog makes it when its suggestions are confirmed. */
  fc: FeatureCollection<Geometry, Record<string, unknown>>;
  /** Facilities: how their categories were read (renamed, unknown and missing values for the warnings). */
  categories: ResolvedCategories | null;
  /** Problems of the layer as a whole (points given as communities …), catalogue codes. */
  issues: ImportIssue[];
  /** false when an issue is an error: the layer cannot be used as this kind */
  ok: boolean;
}

/**
 * The import without a dialog (the CLI; DESIGN §6): the field mapping suggested from the column
 * names, every category value through the one matcher, applied by applyImportChoices — the
 * function behind the app's import dialog — so a file read by the CLI gets the same canonical
 * properties and categories the app gives it when the planner accepts the suggestions.
 */
export function autoImport(file: string, fc: FeatureCollection, kind: LayerKind, rules: RuleSet): AutoImport {
  const keys = new Set<string>();
  for (const f of fc.features.slice(0, 200)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const mapping = suggestFieldMapping([...keys], kind);
  const issues = new IssueCollector(file);
  if (kind === 'communities') checkPointCommunities(fc, rules, issues);
  let categories: ResolvedCategories | null = null;
  if (kind === 'facilities') categories = resolveFacilityCategories(fc, rules.categories);
  const applied = applyImportChoices(fc, {
    kind,
    mapping,
    ...(categories ? { category: { mode: 'values' as const, values: categories.values } } : {}),
  });
  return { fc: applied.fc, categories, issues: issues.issues(), ok: !issues.hasErrors() };
}

/**
 * Communities should be polygons (小区 outlines). Points still work (each is the community's
 * location) with a warning; points that nearly all carry a rule-set category are a facilities file
 * given as communities, an error.
 */
function checkPointCommunities(fc: FeatureCollection, rules: RuleSet, issues: IssueCollector): void {
  const total = fc.features.length;
  const points = fc.features.filter((f) => f.geometry?.type === 'Point').length;
  if (points === 0) return;
  const ids = new Set(rules.categories.map((c) => c.id));
  const categorised = fc.features.filter((f) => f.geometry?.type === 'Point' && ids.has(String(f.properties?.category))).length;
  if (points === total && categorised >= 0.8 * total) issues.add('facilities-as-communities');
  else issues.add('points-as-communities', { points, total });
}
