/**
 * Inputs for the CLI end-to-end benchmark: a synthetic city (syntheticCity.ts, the 15 benchmark
 * categories) written as communities / facilities / network GeoJSON files into a folder.
 * `npx tsx scripts/bench/cliInputs.ts <20k|200k> <dir> [seed]` writes them from the shell.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCategoryIds } from './benchRules';
import { generateSyntheticCity, SCALES } from './syntheticCity';

/**
 * The CLI's sizes: 20k is the analysis benchmark's L city; 200k has ten times the communities
 * on a 1M-node network (20 % of the blocks) and 25,000 facilities per category.
 */
export const CLI_SIZES = {
  '20k': SCALES.L,
  '200k': { nodes: 1_000_000, communities: 200_000, facilitiesPerCategory: 25_000 },
} as const;

export type CliSize = keyof typeof CLI_SIZES;

export interface CliInputFiles {
  communities: string;
  facilities: string;
  network: string;
}

/** Writes the three input files of `size` into `dir` (created when missing) and returns their paths. */
export function writeCliInputs(size: CliSize, dir: string, seed = 42): CliInputFiles {
  mkdirSync(dir, { recursive: true });
  const city = generateSyntheticCity({ ...CLI_SIZES[size], categories: benchCategoryIds, seed });
  const files: CliInputFiles = {
    communities: path.join(dir, `communities-${size}.geojson`),
    facilities: path.join(dir, `facilities-${size}.geojson`),
    network: path.join(dir, `network-${size}.geojson`),
  };
  writeFileSync(files.communities, JSON.stringify(city.communities));
  writeFileSync(files.facilities, JSON.stringify(city.facilities));
  // one layer at a time, so the strings are not all alive together
  writeFileSync(files.network, JSON.stringify(city.network));
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = process.argv[2] as CliSize;
  const dir = process.argv[3];
  if (!(size in CLI_SIZES) || !dir) {
    console.error('usage: tsx scripts/bench/cliInputs.ts <20k|200k> <dir> [seed]');
    process.exit(2);
  }
  const files = writeCliInputs(size, dir, Number(process.argv[4] ?? 42));
  console.log(JSON.stringify(files));
}
