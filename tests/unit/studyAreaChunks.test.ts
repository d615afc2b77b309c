/**
 * StudyArea.steps searches its categories in chunks into one set of arrays and computes the
 * rates once (issue 10): the same result as runCoverage over all categories at once.
 */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { StudyArea, DEFAULT_STUDY_AREA_SETTINGS } from '../../src/core/studyArea';
import { runCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { defaultRules } from '../../src/core/rules/defaultRules';
import { benchCategoryIds } from '../../scripts/bench/benchRules';
import { generateSyntheticCity } from '../../scripts/bench/syntheticCity';

type GeoFC = FeatureCollection<Geometry | null>;

describe('StudyArea.steps in chunks', () => {
  for (const mode of ['network', 'euclidean'] as const) {
    it(`equals one runCoverage over every category (${mode})`, () => {
      // half the benchmark categories have facilities: the others are "no data"
      const city = generateSyntheticCity({ nodes: 2500, communities: 300, facilitiesPerCategory: 20, categories: benchCategoryIds.slice(0, 8), seed: 7 });
      const area = new StudyArea({ communities: city.communities as GeoFC, facilities: city.facilities as GeoFC, network: city.network as GeoFC });
      const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode };
      let progress = 0;
      const it = area.steps(defaultRules, settings);
      let r = it.next();
      while (!r.done) {
        if (r.value.stage === 'categories') progress++;
        r = it.next();
      }
      const chunked = r.value.coverage;
      const whole = runCoverage(area.context(defaultRules, settings), { countNoData: settings.countNoData });
      expect(progress).toBeGreaterThan(1);
      expect(chunked.distance).toEqual(whole.distance);
      expect(chunked.ok).toEqual(whole.ok);
      expect(chunked.nearestFacility).toEqual(whole.nearestFacility);
      expect(chunked.levelCompleteness).toEqual(whole.levelCompleteness);
      expect(chunked.stats).toEqual(whole.stats);
      expect({ ...chunked, distance: 0, ok: 0, nearestFacility: 0, levelCompleteness: 0 }).toEqual({ ...whole, distance: 0, ok: 0, nearestFacility: 0, levelCompleteness: 0 });
      expect(chunked.ok.some((v) => v === 1)).toBe(true);
    });
  }
});
