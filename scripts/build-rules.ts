/**
 * Builds data/rules/gb50180-2018.json from the research draft
 * (../shared/standards/lifecircle-standard.draft.json). Run once when the draft changes:
 *   npx tsx scripts/build-rules.ts
 * Keeps the draft's category ids, levels, radii, mandatory flags, sources and verification flags.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSet, RuleLevel, RuleCategory } from '../src/core/rules';
import { validateRuleSet } from '../src/core/rules';
import { readEvidence } from './rules/evidence';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const draftPath = resolve(root, '../shared/standards/lifecircle-standard.draft.json');
if (!existsSync(draftPath)) {
  console.error(`The research draft is not at ${draftPath}; nothing to build from.`);
  process.exit(1);
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const draft: any = JSON.parse(readFileSync(draftPath, 'utf8'));

// The draft gives no walking distance for the residential block (居住街坊); its facilities sit inside
// the compound. 300 m is our convention so block categories can still be measured; marked as such.
const BLOCK_WALK_M = 300;

const levels: RuleLevel[] = draft.levels.map((l: any) => ({
  id: l.id,
  name_zh: l.name_zh,
  name_en: l.name_en,
  walk_minutes: l.walk_minutes,
  walk_m: l.walk_m ? l.walk_m[1] : BLOCK_WALK_M,
  walk_m_range: l.walk_m ? [l.walk_m[0], l.walk_m[1]] : null,
  source: l.source,
  verification: l.walk_m ? l.verification : { ...(typeof l.verification === 'object' ? l.verification : {}), walk_m: 'app-convention' },
}));

const categories: RuleCategory[] = draft.categories.map((c: any) => {
  const out: RuleCategory = {
    id: c.id,
    name_zh: c.name_zh,
    name_en: c.name_en,
    level: c.level,
    radius_m: c.radius_m,
    radius_kind: c.radius_m == null ? 'level_default' : c.radius_kind,
    mandatory: c.mandatory,
    source: c.source,
    verification: c.verification,
  };
  if (c.osm_tags) out.osm_tags = c.osm_tags;
  if (c.osm_exclude) out.osm_exclude = c.osm_exclude;
  if (c.name_patterns_zh) out.name_patterns_zh = c.name_patterns_zh;
  const notes = [c.note, c.radius_note].filter(Boolean);
  if (notes.length) out.note = notes.join(' ');
  return out;
});

// The draft's status is English; the app shows status_zh in Chinese. Known statuses are translated
// here; an unknown one stops the build so it is never shown untranslated.
const STATUS_ZH: Record<string, string> = {
  'DRAFT - values marked recalled-unverified must be checked against printed standards before release':
    '草案：标为“凭记忆、未核实”的数值须在发布前对照正式出版的标准核对',
};
if (!STATUS_ZH[draft.status]) {
  console.error(`No Chinese text for the draft status "${draft.status}": add it to STATUS_ZH in scripts/build-rules.ts.`);
  process.exit(1);
}

const rule = draft.green.park_coverage_rule;
const rules: RuleSet = {
  schema: 'lifecircle-rules',
  schema_version: 1,
  id: 'gb50180-2018',
  name_zh: 'GB 50180-2018 城市居住区规划设计标准（默认）',
  name_en: 'GB 50180-2018 Standard for urban residential area planning (default)',
  status: draft.status,
  status_zh: STATUS_ZH[draft.status],
  status_en: draft.status,
  walk: { speed_m_per_min: draft.walk.speed_m_per_min_default, elderly_speed_m_per_min: 50 },
  old_before_year: 2000,
  persons_per_household: 2.8,
  levels,
  categories,
  parks: {
    thresholds: rule.thresholds.map((t: any) => ({
      min_area_m2: t.min_park_area_m2,
      ...(t.max_park_area_m2 != null ? { max_area_m2: t.max_park_area_m2 } : {}),
      radius_m: t.radius_m,
    })),
    osm_tags: draft.green.osm_tags,
    osm_exclude: draft.green.osm_exclude,
    name_patterns_zh: draft.green.name_patterns_zh,
    source: rule.source,
    verification: rule.verification,
  },
  parking: {
    ratio_per_household: draft.parking.default_ratio_per_household,
    search_radius_m: draft.parking.offsite_search_radius_m,
    source: `${draft.parking.offsite_source}; ratio: ${draft.parking.default_ratio_note}`,
    verification: 'recalled-unverified',
  },
};

// Evidence (issue 16): what public sources say about each value, from the evidence file; the
// citations it found wrong are corrected, the labels it could not reproduce downgraded.
const evidencePath = resolve(root, '../shared/standards/evidence-2026-12.md');
if (!existsSync(evidencePath)) {
  console.error(`The evidence file is not at ${evidencePath}; nothing to build the evidence from.`);
  process.exit(1);
}
const ev = readEvidence(readFileSync(evidencePath, 'utf8'));
const byCategory = new Map(ev.categories.map((r) => [r.id, r]));
for (const c of rules.categories) {
  const r = byCategory.get(c.id);
  c.evidence = r?.evidence ?? [];
  c.evidence_status = r?.status ?? 'none';
  // Appendix B has three tables: 15/10-minute B.0.1, 5-minute B.0.2, block B.0.3
  if (c.level === '5min') c.source = c.source.replace('表B.0.1', '表B.0.2');
  if (c.level === 'block') c.source = c.source.replace('表B.0.1', '表B.0.3');
  // Appendix C clause numbers were found in no source: kept, said to be unverified
  if (/附录C|C\.0\.\d/.test(c.source)) c.source += ' (Appendix C clause unverified)';
}
const refuse = rules.categories.find((c) => c.id === 'refuse_point');
if (refuse) {
  // 120 m was labelled verified (GB 55013 3.2.2) but no public text was found; the only radius found is 70 m (CJJ 27, superseded)
  refuse.verification = { ...(typeof refuse.verification === 'object' ? refuse.verification : {}), radius: 'recalled-unverified' };
  refuse.source = 'GB 55013-2021 3.2.2 (120 m: no public text found, unverified); CJJ 27 3.2.5 (superseded): ≤ 70 m';
  refuse.radius_range = { min: 70, max: 120, source: 'CJJ 27 3.2.5 (superseded) 70 m; GB 55013-2021 3.2.2 120 m (unverified)' };
}
const kg = rules.categories.find((c) => c.id === 'kindergarten');
if (kg) kg.radius_range = { min: 300, max: 500, source: 'JGJ 39-2016 3.1.3 "服务半径宜为300m~500m"' };
for (const l of rules.levels) {
  const rows = ev.levels.filter((r) => r.id === l.id);
  l.evidence = rows.flatMap((r) => r.evidence.map((e) => ({ ...e, source: { ...e.source, ...(r.field ? { clause: r.field } : {}) } })));
  l.evidence_status = rows.find((r) => r.field === 'walk_m')?.status ?? 'none';
}

const problems = validateRuleSet(rules);
if (problems.length) {
  console.error(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  process.exit(1);
}
const out = resolve(root, 'data/rules/gb50180-2018.json');
writeFileSync(out, JSON.stringify(rules, null, 1) + '\n');
console.log(`wrote ${out}: ${levels.length} levels, ${categories.length} categories`);
