import type { RuleSet } from './types';

/** One thing wrong with a rule set: where (a JSON path) and what. */
export interface RuleProblem {
  path: string;
  message: string;
}

const VERIFICATIONS = new Set(['verified', 'secondary', 'recalled-unverified', 'app-convention']);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkVerification(v: unknown, path: string, out: RuleProblem[]): void {
  if (typeof v === 'string') {
    if (!VERIFICATIONS.has(v)) out.push({ path, message: `unknown verification flag "${v}"` });
  } else if (isObject(v)) {
    for (const [k, f] of Object.entries(v)) checkVerification(f, `${path}.${k}`, out);
  } else {
    out.push({ path, message: 'verification must be a flag or an object of flags' });
  }
}

function positive(x: unknown): boolean {
  return typeof x === 'number' && Number.isFinite(x) && x > 0;
}

/**
 * Checks a parsed JSON value against the rule-set schema. Returns every problem found (empty when
 * valid) so an editor or importer can show them all at once, each with its JSON path.
 */
/**
 * Ids that name a property every JavaScript object has ("constructor", "__proto__", "toString"…):
 * as keys of plain objects they read back as functions or change the prototype, so level and
 * category ids may not use them.
 */
export function isReservedId(id: string): boolean {
  return id === '__proto__' || id in Object.prototype;
}

function reservedMessage(id: string): string {
  return `"${id}" is a reserved word (a property of every JavaScript object); choose another id, e.g. "${id.replace(/^_+/, '')}_level"`;
}

export function validateRuleSet(x: unknown): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (!isObject(x)) return [{ path: '$', message: 'a rule set must be a JSON object' }];
  if (x.schema !== 'lifecircle-rules') out.push({ path: '$.schema', message: 'must be "lifecircle-rules"' });
  if (x.schema_version !== 1) out.push({ path: '$.schema_version', message: 'must be 1' });
  for (const k of ['id', 'name_zh', 'name_en'] as const) {
    if (typeof x[k] !== 'string' || !(x[k] as string).trim()) out.push({ path: `$.${k}`, message: 'must be a non-empty string' });
  }
  const walk = x.walk;
  if (!isObject(walk) || !positive(walk.speed_m_per_min) || !positive(walk.elderly_speed_m_per_min)) {
    out.push({ path: '$.walk', message: 'needs positive speed_m_per_min and elderly_speed_m_per_min' });
  }
  if (typeof x.old_before_year !== 'number' || x.old_before_year < 1900 || x.old_before_year > 2100) {
    out.push({ path: '$.old_before_year', message: 'must be a year between 1900 and 2100' });
  }
  if (!positive(x.persons_per_household)) out.push({ path: '$.persons_per_household', message: 'must be a positive number' });

  const levelIds = new Set<string>();
  if (!Array.isArray(x.levels) || x.levels.length === 0) {
    out.push({ path: '$.levels', message: 'must be a non-empty array' });
  } else {
    x.levels.forEach((l: unknown, i: number) => {
      const p = `$.levels[${i}]`;
      if (!isObject(l)) return out.push({ path: p, message: 'must be an object' });
      if (typeof l.id !== 'string' || !l.id) out.push({ path: `${p}.id`, message: 'must be a non-empty string' });
      else if (isReservedId(l.id)) out.push({ path: `${p}.id`, message: reservedMessage(l.id) });
      else if (levelIds.has(l.id)) out.push({ path: `${p}.id`, message: `duplicate level id "${l.id}"` });
      else levelIds.add(l.id);
      if (!positive(l.walk_m)) out.push({ path: `${p}.walk_m`, message: 'must be a positive distance in metres' });
      checkVerification(l.verification, `${p}.verification`, out);
    });
  }

  const catIds = new Set<string>();
  if (!Array.isArray(x.categories) || x.categories.length === 0) {
    out.push({ path: '$.categories', message: 'must be a non-empty array' });
  } else {
    x.categories.forEach((c: unknown, i: number) => {
      const p = `$.categories[${i}]`;
      if (!isObject(c)) return out.push({ path: p, message: 'must be an object' });
      if (typeof c.id === 'string' && isReservedId(c.id)) out.push({ path: `${p}.id`, message: reservedMessage(c.id) });
      else if (typeof c.id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(c.id)) {
        out.push({ path: `${p}.id`, message: 'must be a lower-case identifier like "kindergarten"' });
      } else if (catIds.has(c.id)) out.push({ path: `${p}.id`, message: `duplicate category id "${c.id}"` });
      else catIds.add(c.id);
      if (typeof c.name_zh !== 'string' || typeof c.name_en !== 'string') out.push({ path: p, message: 'needs name_zh and name_en' });
      if (typeof c.level !== 'string' || !levelIds.has(c.level)) out.push({ path: `${p}.level`, message: `unknown level "${String(c.level)}"` });
      if (c.radius_m !== null && !positive(c.radius_m)) out.push({ path: `${p}.radius_m`, message: 'must be a positive number of metres or null' });
      if (typeof c.mandatory !== 'boolean') out.push({ path: `${p}.mandatory`, message: 'must be true or false' });
      checkVerification(c.verification, `${p}.verification`, out);
      if (c.norm !== undefined && c.norm !== null) {
        const n = c.norm;
        if (!isObject(n) || !positive(n.per_1000)) out.push({ path: `${p}.norm.per_1000`, message: 'a norm needs per_1000: places per 1,000 residents (a positive number)' });
        else if (n.per !== undefined && n.per !== 'residents' && n.per !== 'elderly') out.push({ path: `${p}.norm.per`, message: 'must be "residents" or "elderly"' });
        else if (n.verification !== undefined) checkVerification(n.verification, `${p}.norm.verification`, out);
      }
      if (c.evidence !== undefined) checkEvidence(c.evidence, `${p}.evidence`, out);
      if (c.evidence_status !== undefined && !['confirmed', 'weak', 'contradicted', 'none'].includes(c.evidence_status as string)) {
        out.push({ path: `${p}.evidence_status`, message: 'must be confirmed, weak, contradicted or none' });
      }
      if (c.user_verified != null && (!isObject(c.user_verified) || typeof c.user_verified.by !== 'string' || typeof c.user_verified.date !== 'string')) {
        out.push({ path: `${p}.user_verified`, message: 'needs by (who) and date' });
      }
      if (c.min_count !== undefined && c.min_count !== null && !(Number.isInteger(c.min_count) && (c.min_count as number) >= 1)) {
        out.push({ path: `${p}.min_count`, message: 'must be a whole number ≥ 1 (facilities required within the radius)' });
      }
    });
  }

  const parks = x.parks;
  if (!isObject(parks) || !Array.isArray(parks.thresholds) || parks.thresholds.length === 0) {
    out.push({ path: '$.parks.thresholds', message: 'needs at least one park size threshold' });
  } else {
    parks.thresholds.forEach((t: unknown, i: number) => {
      if (!isObject(t) || typeof t.min_area_m2 !== 'number' || !positive(t.radius_m)) {
        out.push({ path: `$.parks.thresholds[${i}]`, message: 'needs min_area_m2 and a positive radius_m' });
      }
    });
  }
  const parking = x.parking;
  if (!isObject(parking) || typeof parking.ratio_per_household !== 'number' || parking.ratio_per_household < 0 || !positive(parking.search_radius_m)) {
    out.push({ path: '$.parking', message: 'needs ratio_per_household ≥ 0 and a positive search_radius_m' });
  }
  return out;
}

/** Evidence records (issue 16): grade A/B/C or null, a status, a source with a key and title, a quote of at most 30 characters. */
function checkEvidence(ev: unknown, path: string, out: RuleProblem[]): void {
  if (!Array.isArray(ev)) return void out.push({ path, message: 'must be a list of evidence records' });
  ev.forEach((e: unknown, i: number) => {
    const at = `${path}[${i}]`;
    if (!isObject(e)) return void out.push({ path: at, message: 'must be an object' });
    if (e.grade !== null && !['A', 'B', 'C'].includes(e.grade as string)) out.push({ path: `${at}.grade`, message: 'must be A, B, C or null' });
    if (!['confirmed', 'weak', 'contradicted', 'none'].includes(e.status as string)) out.push({ path: `${at}.status`, message: 'must be confirmed, weak, contradicted or none' });
    if (!isObject(e.source) || typeof e.source.key !== 'string' || typeof e.source.title !== 'string') out.push({ path: `${at}.source`, message: 'needs a key and a title' });
    if (typeof e.quote !== 'string' || [...e.quote].length > 30) out.push({ path: `${at}.quote`, message: 'must be text of at most 30 characters' });
  });
}

/** Parses and validates; throws one Error listing every problem. `source` names the file in the message. */
export function parseRuleSet(json: string | unknown, source = 'rule set'): RuleSet {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new Error(`${source}: not valid JSON (${(e as Error).message}). Export a rule set from LifeCircle or fix the file.`);
    }
  }
  const problems = validateRuleSet(value);
  if (problems.length) {
    throw new Error(`${source}: not a valid rule set:\n` + problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'));
  }
  return value as RuleSet;
}
