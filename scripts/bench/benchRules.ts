/**
 * The benchmark's rule set: 15 categories of the default GB 50180-2018 rule set, five per
 * life-circle level, with radii 300 / 500 / 1000 m (DESIGN §7, perf-anchors "15 cats").
 */
import { defaultRules } from '../../src/core/rules';
import type { RuleSet } from '../../src/core/rules';

const PICK: Record<string, { level: string; radius: number }> = {
  kindergarten: { level: '5min', radius: 300 },
  elderly_daycare: { level: '5min', radius: 300 },
  community_service_station: { level: '5min', radius: 300 },
  small_sports_ground: { level: '5min', radius: 300 },
  outdoor_fitness: { level: '5min', radius: 300 },
  primary_school: { level: '10min', radius: 500 },
  medium_sports_ground: { level: '10min', radius: 500 },
  market: { level: '10min', radius: 500 },
  bus_stop: { level: '10min', radius: 500 },
  metro_station: { level: '10min', radius: 500 },
  middle_school: { level: '15min', radius: 1000 },
  large_sports_ground: { level: '15min', radius: 1000 },
  health_centre: { level: '15min', radius: 1000 },
  outpatient: { level: '15min', radius: 1000 },
  nursing_home: { level: '15min', radius: 1000 },
};

/** The 15 benchmark categories, all mandatory, with explicit radii. */
export const benchRules: RuleSet = {
  ...defaultRules,
  id: 'bench-15',
  categories: Object.entries(PICK).map(([id, { level, radius }]) => {
    const base = defaultRules.categories.find((c) => c.id === id);
    if (!base) throw new Error(`bench rules: category ${id} is not in the default rule set`);
    if (base.level !== level) throw new Error(`bench rules: ${id} is level ${base.level}, expected ${level}`);
    return { ...base, radius_m: radius, mandatory: true };
  }),
};

export const benchCategoryIds: readonly string[] = benchRules.categories.map((c) => c.id);

/** The category the single-category rows and the naive comparison use (radius 500 m). */
export const ONE_CATEGORY = 'primary_school';
