import type { Language } from '../../messages/language';
import { pick } from '../../messages/language';
import type { RuleSet } from '../../rules/types';
import { effectiveRadius } from '../../rules/ruleQueries';
import { DEFAULTS, oldBeforeYear, personsPerHousehold } from '../../rules/defaults';

/** One output field: its meaning, unit and the rule (with its source) it follows. */
export interface AttributeEntry {
  field: string;
  meaning: string;
  unit: string;
  rule: string;
}

/**
 * Every field the communities export and the CLI write (DESIGN §6; issue 12's bundle README): meaning,
 * unit, and the rule and source clause behind it, per category of the rule set in force.
 */
export function attributeDictionary(rules: RuleSet, lang: Language): AttributeEntry[] {
  const t = (en: string, zh: string) => pick(lang, en, zh);
  const out: AttributeEntry[] = [
    { field: 'population', meaning: t('residents as the analysis read them', '分析采用的人口'), unit: t('persons', '人'), rule: t(`stated, else households × ${personsPerHousehold(rules)}`, `已填人口，否则户数 × ${personsPerHousehold(rules)}`) },
    { field: 'population_estimated', meaning: t('population estimated from households', '人口由户数估算'), unit: 'true/false', rule: t('DESIGN §3', '设计文档 §3') },
    { field: 'is_old', meaning: t('old community (老旧小区)', '老旧小区'), unit: 'true/false', rule: t(`built before ${oldBeforeYear(rules)}`, `建成于 ${oldBeforeYear(rules)} 年以前`) },
  ];
  for (const c of rules.categories) {
    const name = lang === 'zh-CN' ? c.name_zh : c.name_en;
    const r = effectiveRadius(c, rules);
    out.push({ field: `dist_${c.id}`, meaning: t(`walking distance to the nearest ${name}`, `至最近${name}的步行距离`), unit: t('m, null when unreachable', '米；不可达为空'), rule: t('access legs + shortest path on the walking network (DESIGN §4)', '出入口至路网 + 路网最短路径 + 设施至路网（设计文档 §4）') });
    out.push({ field: `ok_${c.id}`, meaning: t(`${name} within its radius`, `${name}在服务半径内`), unit: 'true/false', rule: `≤ ${r} m · ${c.source}` });
  }
  out.push(
    { field: 'park_ok', meaning: t('a park of the right size within its radius', '服务半径内有相应规模的公园'), unit: 'true/false', rule: rules.parks.thresholds.map((x) => `≥ ${x.min_area_m2} m² → ${x.radius_m} m`).join('; ') + ` · ${rules.parks.source}` },
    { field: 'park_dist', meaning: t('walking distance to the nearest qualifying park', '至最近合格公园的步行距离'), unit: t('m', '米'), rule: rules.parks.source },
    { field: 'parking_demand', meaning: t('parking spaces needed', '停车需求'), unit: t('spaces', '个'), rule: `${t('households', '户数')} × ${rules.parking.ratio_per_household} · ${rules.parking.source}` },
    { field: 'parking_supply', meaning: t('own spaces + share of public lots within walking distance', '自有车位 + 步行范围内公共停车场的分摊'), unit: t('spaces', '个'), rule: `≤ ${rules.parking.search_radius_m} m` },
    { field: 'parking_gap', meaning: t('parking demand − supply', '停车缺口'), unit: t('spaces', '个'), rule: rules.parking.source },
    { field: 'score', meaning: t('renovation priority (old communities)', '更新优先评分（老旧小区）'), unit: '0–100', rule: t(`weighted indicators; a community of ${DEFAULTS.renovationPopulationReference}+ residents counts fully`, `加权指标；${DEFAULTS.renovationPopulationReference} 人以上小区满权重`) },
  );
  return out;
}
