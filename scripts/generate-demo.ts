/**
 * Writes the bundled demo study area (a synthetic county town) to data/demo/.
 * Usage: npm run generate-demo [-- --seed N --out DIR]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateDemo } from './demo/generateDemo';
import { writeDemo } from './demo/writeDemo';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const seedArg = flag('--seed');
const seed = seedArg === undefined ? DEFAULT_SEED : Number(seedArg);
if (!Number.isInteger(seed)) {
  console.error(`generate-demo: --seed must be an integer, got "${seedArg}"`);
  process.exit(1);
}
const outDir = path.resolve(repoRoot, flag('--out') ?? 'data/demo');
const data = generateDemo(seed);
const files = writeDemo(outDir, data);
console.log(`generate-demo: wrote ${files.length} files to ${path.relative(process.cwd(), outDir) || '.'} (seed ${seed})`);
console.log(JSON.stringify({ counts: data.meta.counts, facility_categories: data.meta.facility_categories }, null, 2));
