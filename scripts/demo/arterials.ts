/**
 * The arterial grid: one node per crossing of a column line and a row line
 * (slightly jittered), and a "side" for every arterial stretch next to a
 * built-up face. The blocks split the sides later where their streets meet them.
 */
import type { XY } from './geometry';
import { BRIDGES, COLUMN_LINES, RIVER_ROW, ROW_LINES, XA, YA, faceZone } from './layout';
import type { NetworkBuilder } from './networkBuilder';
import type { Rng } from './random';

/** Key of the row-line side from crossing (i, j) to (i + 1, j). */
export const hSide = (i: number, j: number): string => `h:${i}:${j}`;
/** Key of the column-line side from crossing (i, j) to (i, j + 1). */
export const vSide = (i: number, j: number): string => `v:${i}:${j}`;

const BANK_ROWS = new Set([RIVER_ROW, RIVER_ROW + 1]);
const BRIDGE_COLUMNS = new Set(BRIDGES.map((b) => b.column));

const builtUp = (i: number, j: number): boolean => faceZone(i, j) !== 'farm';

/**
 * Adds the arterial crossings and sides to the builder.
 * @returns node ids indexed [column][row]
 */
export function buildArterials(builder: NetworkBuilder, rng: Rng): number[][] {
  const nodes: number[][] = [];
  for (let i = 0; i < XA.length; i++) {
    const column: number[] = [];
    for (let j = 0; j < YA.length; j++) {
      const inCore = i >= 4 && i <= 7 && j >= 5 && j <= 8;
      const amp = inCore ? 22 : 14;
      // riverside roads stay straight so the promenades keep their distance;
      // bridge columns stay vertical so bridges cross the band square
      const dy = BANK_ROWS.has(j) ? 0 : rng.range(-amp, amp);
      const dx = BANK_ROWS.has(j) && BRIDGE_COLUMNS.has(i) ? 0 : rng.range(-amp, amp);
      const p: XY = [(XA[i] as number) + dx, (YA[j] as number) + dy];
      column.push(builder.addNode(p));
    }
    nodes.push(column);
  }
  const at = (i: number, j: number): number => (nodes[i] as number[])[j] as number;
  for (let j = 0; j < YA.length; j++) {
    const line = ROW_LINES[j] as { name: string; kind: 'main' | 'secondary' };
    for (let i = 0; i < XA.length - 1; i++) {
      if (BANK_ROWS.has(j) || builtUp(i, j - 1) || builtUp(i, j)) {
        builder.defineSide(hSide(i, j), at(i, j), at(i + 1, j), { kind: line.kind, name: line.name });
      }
    }
  }
  for (let i = 0; i < XA.length; i++) {
    const line = COLUMN_LINES[i] as { name: string; kind: 'main' | 'secondary' };
    for (let j = 0; j < YA.length - 1; j++) {
      if (j === RIVER_ROW) continue; // the river band: only bridges cross it (river.ts)
      if (builtUp(i - 1, j) || builtUp(i, j)) {
        builder.defineSide(vSide(i, j), at(i, j), at(i, j + 1), { kind: line.kind, name: line.name });
      }
    }
  }
  return nodes;
}
