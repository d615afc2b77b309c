import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/core/io/project';
import { topSelfTimes } from '../../scripts/bench/ui/cpuProfile';
import { writeLProject } from '../../scripts/bench/ui/lProject';

describe('bench:ui helpers', () => {
  it('writes the synthetic city as a project file the app accepts, with normalised layers', () => {
    const p = writeLProject(42, 'S');
    try {
      const parsed = parseProject(readFileSync(p.file, 'utf8'), 'synthetic-S.lifecircle.json');
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.project.layers.map((l) => l.kind)).toEqual(['network', 'communities', 'facilities']);
      expect(parsed.project.rules.categories).toHaveLength(15);
      const communities = parsed.project.layers[1].fc.features;
      // SCALES.S: 1,000 communities, 100 facilities for each of the 15 categories
      expect(communities).toHaveLength(1000);
      expect(p.facilities).toBe(1500);
      expect(p.nodes).toBe(10_000);
      // normalised as an import would be: the population estimate and the old flag are there
      expect(communities[0].properties).toMatchObject({ name: '小区0' });
      expect(typeof communities[0].properties.built_year).toBe('number');
    } finally {
      rmSync(dirname(p.file), { recursive: true, force: true });
    }
  });

  it('sums self time per function from the samples, idle left out', () => {
    const frame = (functionName: string, lineNumber = 0) => ({ functionName, url: 'http://x/assets/app.js', lineNumber, columnNumber: 4 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)') },
        { id: 2, callFrame: frame('draw', 9) },
        { id: 3, callFrame: frame('parse', 19) },
      ],
      // the time up to the next sample belongs to the sample: draw 2+3 ms, parse 4 ms, idle 10 ms
      samples: [2, 2, 1, 3, 2],
      timeDeltas: [0, 2000, 3000, 10_000, 4000],
    };
    expect(topSelfTimes(profile, 5)).toEqual([
      { fn: 'draw', where: 'app.js:10:5', ms: 5 },
      { fn: 'parse', where: 'app.js:20:5', ms: 4 },
    ]);
    expect(topSelfTimes(profile, 1)).toEqual([{ fn: 'draw', where: 'app.js:10:5', ms: 5 }]);
  });
});
