/**
 * Subdivides one superblock ("face" of the arterial grid) into a lattice of
 * streets and tiles its cells into regions (a community compound, a school
 * site, a park …). Streets run only between regions, so a community never
 * straddles a street. Lattice nodes are jittered by less than a quarter of the
 * cell size, which keeps the lattice planar (no two streets cross).
 */
import { hSide, vSide } from './arterials';
import { bilinear, lerp, ringCentroid, type XY } from './geometry';
import { COLUMN_LINES, PARK_PLAN, ROW_LINES, type ParkSize, type Zone, faceZone } from './layout';
import { POOLS, cnNumber, type NameAllocator } from './names';
import type { EdgeProps, NetworkBuilder } from './networkBuilder';
import type { Rng } from './random';

export type RegionUse = 'community' | 'mixed' | 'public' | 'empty' | 'park' | 'industrial' | 'village';

/** A block between streets, as a counter-clockwise ring in the logical frame. */
export interface Region {
  face: [number, number];
  zone: Zone;
  use: RegionUse;
  /** width × height in lattice cells */
  span: [number, number];
  ring: XY[];
  /** properties of the street along ring[k] → ring[k + 1] */
  ringProps: EdgeProps[];
  park?: { size: ParkSize; name: string };
  /** the residents' committee (社区) or village this block belongs to, for facility names */
  hood: string;
  /** ring edge from whose middle a dead-end alley enters the block */
  spurEdge?: number;
}

interface ZoneConfig {
  cell: number; // target cell size, metres
  uJitter: number; // jitter of lattice lines, fraction of a cell
  nodeJitter: number; // jitter of interior nodes, fraction of the smaller cell side
  shapes: [number, number, number][]; // [w, h, weight]
  uses: [RegionUse, number][];
}

const NEW_SHAPES: [number, number, number][] = [[1, 1, 0.3], [2, 1, 0.3], [1, 2, 0.2], [2, 2, 0.2]];
const CONFIG: Partial<Record<Zone, ZoneConfig>> = {
  core: { cell: 68, uJitter: 0.12, nodeJitter: 0.13, shapes: [[1, 1, 0.35], [2, 1, 0.25], [1, 2, 0.2], [2, 2, 0.15], [3, 2, 0.05]], uses: [['community', 0.36], ['mixed', 0.52], ['public', 0.12]] },
  ring: { cell: 105, uJitter: 0.1, nodeJitter: 0.08, shapes: [[1, 1, 0.4], [2, 1, 0.25], [1, 2, 0.2], [2, 2, 0.15]], uses: [['community', 0.3], ['public', 0.34], ['mixed', 0.36]] },
  newWest: { cell: 150, uJitter: 0.06, nodeJitter: 0.02, shapes: NEW_SHAPES, uses: [['community', 0.36], ['public', 0.32], ['empty', 0.32]] },
  newEast: { cell: 150, uJitter: 0.04, nodeJitter: 0, shapes: NEW_SHAPES, uses: [['community', 0.34], ['public', 0.33], ['empty', 0.33]] },
  south: { cell: 150, uJitter: 0.06, nodeJitter: 0.02, shapes: NEW_SHAPES, uses: [['community', 0.36], ['public', 0.32], ['empty', 0.32]] },
  village: { cell: 46, uJitter: 0.1, nodeJitter: 0.15, shapes: [[1, 1, 1]], uses: [['village', 1]] },
  industrial: { cell: 230, uJitter: 0.05, nodeJitter: 0, shapes: [[1, 1, 1]], uses: [['industrial', 1]] },
  parkFace: { cell: 150, uJitter: 0.08, nodeJitter: 0.05, shapes: [[20, 20, 1]], uses: [['park', 1]] },
};

interface Tile {
  k0: number;
  l0: number;
  w: number;
  h: number;
  use: RegionUse;
  park?: { size: ParkSize; name: string };
  spurEdge?: number;
}

/** Street naming state shared by all faces of one run. */
export interface FaceNaming {
  names: NameAllocator;
  /** lanes named after the arterial they leave (解放路三巷) */
  laneCounters: Map<string, number>;
  /** 经N路 / 纬N路 of the industrial park */
  industrial: { jing: number; wei: number };
  /** 社区 name per group of faces */
  hoods: Map<string, string>;
}

/** The 社区 of a face: one per core or ring face, one per 2 × 2 faces elsewhere; villages use their own name. */
function faceHood(naming: FaceNaming, i: number, j: number, zone: Zone, village: string): string {
  if (zone === 'village') return `${village}村`;
  const key = zone === 'core' || zone === 'ring' ? `${i}:${j}` : `${Math.floor(i / 2)}:${Math.floor(j / 2)}:${zone}`;
  let hood = naming.hoods.get(key);
  if (!hood) {
    const pool = zone === 'core' ? POOLS.hoodCore : zone === 'ring' ? POOLS.hoodRing : POOLS.hoodNew;
    hood = naming.names.next(pool, `hood:${pool === POOLS.hoodNew ? 'new' : zone}`);
    naming.hoods.set(key, hood);
  }
  return hood;
}

function arterialLane(naming: FaceNaming, arterial: string): string {
  const n = (naming.laneCounters.get(arterial) ?? 0) + 1;
  naming.laneCounters.set(arterial, n);
  return `${arterial}${cnNumber(n)}巷`;
}

/**
 * Builds the streets and regions of face (i, j).
 * @param corners arterial node ids indexed [column][row]
 */
export function buildFace(builder: NetworkBuilder, corners: number[][], rng: Rng, naming: FaceNaming, i: number, j: number): Region[] {
  const zone = faceZone(i, j);
  const cfg = CONFIG[zone];
  if (!cfg) return [];
  const at = (ci: number, cj: number): XY => builder.point((corners[ci] as number[])[cj] as number);
  const [p00, p10, p11, p01] = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
  const width = (Math.hypot(p10[0] - p00[0], p10[1] - p00[1]) + Math.hypot(p11[0] - p01[0], p11[1] - p01[1])) / 2;
  const height = (Math.hypot(p01[0] - p00[0], p01[1] - p00[1]) + Math.hypot(p11[0] - p10[0], p11[1] - p10[1])) / 2;
  const nx = Math.max(1, Math.round(width / cfg.cell));
  const ny = Math.max(1, Math.round(height / cfg.cell));
  const us = jitteredSteps(nx, cfg.uJitter, rng);
  const vs = jitteredSteps(ny, cfg.uJitter, rng);
  const jitterM = cfg.nodeJitter * Math.min(width / nx, height / ny);

  // lattice node ids [k][l]; boundary nodes are shared with the arterial sides
  const grid: number[][] = [];
  for (let k = 0; k <= nx; k++) {
    const col: number[] = [];
    for (let l = 0; l <= ny; l++) {
      const u = us[k] as number;
      const v = vs[l] as number;
      if (l === 0) col.push(builder.sideNode(hSide(i, j), u));
      else if (l === ny) col.push(builder.sideNode(hSide(i, j + 1), u));
      else if (k === 0) col.push(builder.sideNode(vSide(i, j), v));
      else if (k === nx) col.push(builder.sideNode(vSide(i + 1, j), v));
      else {
        const p = bilinear(p00, p10, p11, p01, u, v);
        col.push(builder.addNode([p[0] + rng.range(-jitterM, jitterM), p[1] + rng.range(-jitterM, jitterM)]));
      }
    }
    grid.push(col);
  }
  const node = (k: number, l: number): number => (grid[k] as number[])[l] as number;
  const pt = (k: number, l: number): XY => builder.point(node(k, l));

  const village = zone === 'village' ? naming.names.next(POOLS.villages, 'village') : '';
  const hood = faceHood(naming, i, j, zone, village);
  const rowProps = lineProps(zone, ny, rng, naming, COLUMN_LINES[i]?.name ?? '', 'wei', village);
  const colProps = lineProps(zone, nx, rng, naming, ROW_LINES[j]?.name ?? '', 'jing', village, ny - 1);
  const tiles = tileCells(nx, ny, cfg, rng);
  assignPark(tiles, i, j, zone);
  const owner: number[][] = Array.from({ length: nx }, () => new Array<number>(ny).fill(-1));
  tiles.forEach((t, idx) => {
    for (let k = t.k0; k < t.k0 + t.w; k++) for (let l = t.l0; l < t.l0 + t.h; l++) (owner[k] as number[])[l] = idx;
  });
  const ownerAt = (k: number, l: number): number => (owner[k] as number[])[l] as number;

  // dead-end alleys into small mixed blocks of the old town
  const spurs = new Map<string, XY>();
  if (zone === 'core' || zone === 'ring') {
    tiles.forEach((t) => {
      if (t.use !== 'mixed' || t.w !== 1 || t.h !== 1 || !rng.chance(zone === 'core' ? 0.6 : 0.4)) return;
      const options: [string, number][] = [];
      if (t.l0 > 0) options.push([`h:${t.k0}:${t.l0}`, 0]);
      if (t.k0 + 1 < nx) options.push([`v:${t.k0 + 1}:${t.l0}`, 1]);
      if (t.l0 + 1 < ny) options.push([`h:${t.k0}:${t.l0 + 1}`, 2]);
      if (t.k0 > 0) options.push([`v:${t.k0}:${t.l0}`, 3]);
      const free = options.filter(([key]) => !spurs.has(key));
      if (free.length === 0) return;
      const [key, ringEdge] = rng.pick(free);
      const centre = ringCentroid([pt(t.k0, t.l0), pt(t.k0 + 1, t.l0), pt(t.k0 + 1, t.l0 + 1), pt(t.k0, t.l0 + 1)]);
      spurs.set(key, centre);
      t.spurEdge = ringEdge;
    });
  }

  // interior streets: kept where they separate two regions (all of them in villages and parks)
  const keepAll = zone === 'village' || zone === 'parkFace';
  const edges: { a: number; b: number; props: EdgeProps; key: string }[] = [];
  for (let l = 1; l < ny; l++) {
    for (let k = 0; k < nx; k++) {
      if (keepAll || ownerAt(k, l - 1) !== ownerAt(k, l)) edges.push({ a: node(k, l), b: node(k + 1, l), props: rowProps[l] as EdgeProps, key: `h:${k}:${l}` });
    }
  }
  for (let k = 1; k < nx; k++) {
    for (let l = 0; l < ny; l++) {
      if (keepAll || ownerAt(k - 1, l) !== ownerAt(k, l)) edges.push({ a: node(k, l), b: node(k, l + 1), props: colProps[k] as EdgeProps, key: `v:${k}:${l}` });
    }
  }
  const kept = zone === 'village' ? thinVillage(edges, grid, nx, ny, rng) : edges;
  for (const e of kept) {
    const target = spurs.get(e.key);
    if (!target) {
      builder.addEdge(e.a, e.b, e.props);
      continue;
    }
    const mid = builder.addNode(lerp(builder.point(e.a), builder.point(e.b), 0.5));
    builder.addEdge(e.a, mid, e.props);
    builder.addEdge(mid, e.b, e.props);
    const end = builder.addNode(lerp(builder.point(mid), target, 0.8));
    builder.addEdge(mid, end, { kind: 'lane' });
  }

  // footpaths from the corners of a one-cell park to a central plaza
  for (const t of tiles) {
    if (t.use !== 'park' || t.park?.size !== 'large' || t.w !== 1 || t.h !== 1) continue;
    const cornersIds = [node(t.k0, t.l0), node(t.k0 + 1, t.l0), node(t.k0 + 1, t.l0 + 1), node(t.k0, t.l0 + 1)];
    const plaza = builder.addNode(ringCentroid(cornersIds.map((id) => builder.point(id))));
    for (const c of cornersIds) builder.addEdge(c, plaza, { kind: 'footpath', name: `${t.park.name}园路` });
  }

  const sideProps = (key: string): EdgeProps => builder.sideProps(key);
  return tiles.map((t) => {
    const ring: XY[] = [];
    const props: EdgeProps[] = [];
    const k1 = t.k0 + t.w;
    const l1 = t.l0 + t.h;
    const bottom = t.l0 === 0 ? sideProps(hSide(i, j)) : (rowProps[t.l0] as EdgeProps);
    const top = l1 === ny ? sideProps(hSide(i, j + 1)) : (rowProps[l1] as EdgeProps);
    const left = t.k0 === 0 ? sideProps(vSide(i, j)) : (colProps[t.k0] as EdgeProps);
    const right = k1 === nx ? sideProps(vSide(i + 1, j)) : (colProps[k1] as EdgeProps);
    for (let k = t.k0; k < k1; k++) (ring.push(pt(k, t.l0)), props.push(bottom));
    for (let l = t.l0; l < l1; l++) (ring.push(pt(k1, l)), props.push(right));
    for (let k = k1; k > t.k0; k--) (ring.push(pt(k, l1)), props.push(top));
    for (let l = l1; l > t.l0; l--) (ring.push(pt(t.k0, l)), props.push(left));
    const region: Region = { face: [i, j], zone, use: t.use, span: [t.w, t.h], ring, ringProps: props, hood };
    if (t.park) region.park = t.park;
    if (t.spurEdge !== undefined) region.spurEdge = t.spurEdge;
    return region;
  });
}

/** 0 = u0 < u1 < … < un = 1, each inner step moved by up to ±jitter of a cell. */
function jitteredSteps(n: number, jitter: number, rng: Rng): number[] {
  const out = [0];
  for (let k = 1; k < n; k++) out.push((k + rng.range(-jitter, jitter)) / n);
  out.push(1);
  return out;
}

/** Kind and name of each interior lattice line (index 1..n-1; index 0 unused). */
function lineProps(zone: Zone, n: number, rng: Rng, naming: FaceNaming, arterial: string, axis: 'jing' | 'wei', village: string, numberFrom = 0): EdgeProps[] {
  const { names } = naming;
  const out: EdgeProps[] = [{ kind: 'lane' }];
  const through = n > 1 ? rng.int(1, n - 1) : -1;
  for (let l = 1; l < n; l++) {
    switch (zone) {
      case 'core':
        if (l === through) out.push({ kind: 'secondary', name: names.next(POOLS.oldStreet, 'oldStreet') });
        else out.push(rng.chance(0.65) ? { kind: 'lane', name: names.next(POOLS.oldLane, 'oldLane') } : { kind: 'lane' });
        break;
      case 'ring':
        if (l === through) out.push({ kind: 'secondary', name: names.next(POOLS.newRoad, 'newRoad') });
        else out.push(rng.chance(0.5) ? { kind: 'lane', name: arterialLane(naming, arterial) } : { kind: 'lane' });
        break;
      case 'village':
        if (rng.chance(0.15)) out.push({ kind: 'footpath' });
        else out.push(rng.chance(0.5) ? { kind: 'lane', name: `${village}${cnNumber(numberFrom + l)}巷` } : { kind: 'lane' });
        break;
      case 'industrial':
        if (axis === 'jing') out.push({ kind: 'secondary', name: `经${cnNumber(++naming.industrial.jing)}路` });
        else out.push({ kind: 'secondary', name: `纬${cnNumber(++naming.industrial.wei)}路` });
        break;
      case 'parkFace':
        out.push({ kind: 'footpath', name: '人民公园园路' });
        break;
      default: // new districts: one named road through the superblock, paths elsewhere
        if (l === through) out.push({ kind: 'secondary', name: names.next(POOLS.newRoad, 'newRoad') });
        else out.push(rng.chance(0.55) ? { kind: 'footpath' } : { kind: 'lane', name: arterialLane(naming, arterial) });
    }
  }
  return out;
}

/** Tiles the nx × ny cells with rectangles, row by row, and gives each a use. */
function tileCells(nx: number, ny: number, cfg: ZoneConfig, rng: Rng): Tile[] {
  const taken: boolean[][] = Array.from({ length: nx }, () => new Array<boolean>(ny).fill(false));
  const free = (k: number, l: number, w: number, h: number): boolean => {
    if (k + w > nx || l + h > ny) return false;
    for (let a = k; a < k + w; a++) for (let b = l; b < l + h; b++) if ((taken[a] as boolean[])[b]) return false;
    return true;
  };
  const tiles: Tile[] = [];
  for (let l = 0; l < ny; l++) {
    for (let k = 0; k < nx; k++) {
      if ((taken[k] as boolean[])[l]) continue;
      let [w, h] = cfg.shapes[rng.weighted(cfg.shapes.map((s) => s[2]))] as [number, number, number];
      while (!free(k, l, w, h)) {
        if (w > 1 && !free(k, l, w, 1)) w--;
        else if (h > 1) h--;
        else w--;
      }
      for (let a = k; a < k + w; a++) for (let b = l; b < l + h; b++) (taken[a] as boolean[])[b] = true;
      const use = cfg.uses[rng.weighted(cfg.uses.map((u) => u[1]))]?.[0] as RegionUse;
      tiles.push({ k0: k, l0: l, w, h, use });
    }
  }
  return tiles;
}

/**
 * Gives the planned park of this face the smallest region big enough for its
 * class (old-core cells are small, so a medium park there takes two cells).
 */
function assignPark(tiles: Tile[], i: number, j: number, zone: Zone): void {
  if (zone === 'parkFace') {
    for (const t of tiles) (t.use = 'park'), (t.park = { size: 'large', name: '人民公园' });
    return;
  }
  const plan = PARK_PLAN.find((p) => p.i === i && p.j === j);
  if (!plan) return;
  const minCells = plan.size === 'medium' && zone === 'core' ? 2 : 1;
  let best: Tile | undefined;
  for (const t of tiles) {
    const cells = t.w * t.h;
    if (cells >= minCells && (!best || cells < best.w * best.h)) best = t;
  }
  if (best) {
    best.use = 'park';
    best.park = { size: plan.size, name: plan.name };
  }
}

/**
 * Drops about a fifth of a village's lanes, never one whose loss would cut the
 * village (its lattice plus the surrounding arterials) in two.
 */
function thinVillage<T extends { a: number; b: number }>(edges: T[], grid: number[][], nx: number, ny: number, rng: Rng): T[] {
  const ring: [number, number][] = [];
  const boundary: number[] = [];
  for (let k = 0; k < nx; k++) boundary.push((grid[k] as number[])[0] as number);
  for (let l = 0; l < ny; l++) boundary.push((grid[nx] as number[])[l] as number);
  for (let k = nx; k > 0; k--) boundary.push((grid[k] as number[])[ny] as number);
  for (let l = ny; l > 0; l--) boundary.push((grid[0] as number[])[l] as number);
  boundary.forEach((id, idx) => ring.push([id, boundary[(idx + 1) % boundary.length] as number]));
  const removed = new Set<number>();
  const connected = (): boolean => {
    const adj = new Map<number, number[]>();
    const link = (a: number, b: number): void => {
      adj.set(a, [...(adj.get(a) ?? []), b]);
      adj.set(b, [...(adj.get(b) ?? []), a]);
    };
    for (const [a, b] of ring) link(a, b);
    edges.forEach((e, idx) => removed.has(idx) || link(e.a, e.b));
    const all = new Set<number>();
    for (const col of grid) for (const id of col) all.add(id);
    const start = boundary[0] as number;
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) for (const nb of adj.get(stack.pop() as number) ?? []) if (!seen.has(nb)) (seen.add(nb), stack.push(nb));
    for (const id of all) if (!seen.has(id)) return false;
    return true;
  };
  const order = rng.shuffle(edges.map((_, idx) => idx));
  const target = Math.round(edges.length * 0.2);
  for (const idx of order) {
    if (removed.size >= target) break;
    removed.add(idx);
    if (!connected()) removed.delete(idx);
  }
  return edges.filter((_, idx) => !removed.has(idx));
}
