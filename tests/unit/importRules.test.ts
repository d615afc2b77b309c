import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The architecture's import rules (DESIGN §2, issue 10), checked by parsing the imports of every
 * source file: the core is pure and stands alone, the store does not reach into the map or the UI,
 * and the CLI and the UI use the core only through its public entry points (a folder's index.ts).
 */
const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    const p = path.join(abs, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(path.join(dir, name)));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path.join(dir, name));
  }
  return out;
}

/** Every module specifier of a file: static imports and re-exports, dynamic import(), new URL(…, import.meta.url). */
export function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /new\s+URL\s*\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

interface Edge {
  from: string;
  /** the imported file or folder, relative to the repository root (no extension); null for packages */
  to: string | null;
  spec: string;
}

function edges(dir: string): Edge[] {
  return filesUnder(dir).flatMap((file) =>
    specifiers(readFileSync(path.join(ROOT, file), 'utf8')).map((spec) => ({
      from: file,
      spec,
      to: spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)).replace(/\.(ts|tsx)$/, '') : null,
    })),
  );
}

const within = (to: string | null, dir: string): boolean => to !== null && (to === dir || to.startsWith(`${dir}/`));
const describeEdge = (e: Edge): string => `${e.from} → ${e.spec}`;

/** Whether `to` (a path inside src/core) is a public entry point: a folder or its index. */
function isPublicCoreEntry(to: string): boolean {
  const rel = to.replace(/\/index$/, '');
  const abs = path.join(ROOT, rel);
  try {
    return statSync(abs).isDirectory() && statSync(path.join(abs, 'index.ts')).isFile();
  } catch {
    return false;
  }
}

describe('import rules (issue 10)', () => {
  it('finds the imports of a file, including type-only, re-exports, dynamic imports and worker URLs', () => {
    const src = `import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nexport * from './d';\nconst e = await import('./e');\nnew Worker(new URL('./f.ts', import.meta.url));\n// import x from './commented';\nimport {\n  g,\n  h,\n} from './g';\nimport './side';`;
    expect(specifiers(src).sort()).toEqual(['../b', './a', './c', './d', './e', './f.ts', './g', './side'].sort());
  });

  it('the core imports nothing from ui, store, map, worker, i18n or scripts (only its own modules and bundled data), and no Node or DOM-only module', () => {
    const bad = edges('src/core').filter(
      (e) =>
        (e.to !== null && !within(e.to, 'src/core') && !(within(e.to, 'data') && e.spec.endsWith('.json'))) ||
        (e.to === null && (/^node:/.test(e.spec) || ['fs', 'path', 'os', 'react', 'react-dom', 'maplibre-gl', 'zustand'].includes(e.spec) || e.spec.startsWith('@deck.gl'))),
    );
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it('the store imports nothing from map or ui', () => {
    const bad = edges('src/store').filter((e) => within(e.to, 'src/map') || within(e.to, 'src/ui'));
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it('the store is the only caller of the workers: ui and map import worker modules for their types only', () => {
    const bad = ['src/ui', 'src/map'].flatMap(filesUnder).flatMap((file) => {
      const code = readFileSync(path.join(ROOT, file), 'utf8');
      return [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]*\/worker\/[^'"]*)['"]/gm)].map((m) => `${file} → ${m[1]}`);
    });
    expect(bad).toEqual([]);
  });

  it('the CLI and the benchmark import the core only through public entry points (a folder with index.ts)', () => {
    const bad = edges('scripts').filter((e) => within(e.to, 'src/core') && !isPublicCoreEntry(e.to!));
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it('the UI, map, store and worker import the core only through public entry points', () => {
    const bad = ['src/ui', 'src/map', 'src/store', 'src/worker'].flatMap(edges).filter((e) => within(e.to, 'src/core') && !isPublicCoreEntry(e.to!));
    expect(bad.map(describeEdge)).toEqual([]);
  });
});
