/**
 * The river band between the two riverside roads: the water polygon, a
 * promenade footpath on each bank, footpaths down from the roads, the bridges
 * (the only network lines over the water) and the two riverside parks.
 */
import { hSide } from './arterials';
import type { XY } from './geometry';
import { BRIDGES, COLUMN_LINES, FOOTBRIDGE_X, PROMENADE_OFFSET, RIVER_ROW, RIVER_X, XA, riverCentre, riverHalfWidth, type StreetKind } from './layout';
import type { NetworkBuilder } from './networkBuilder';

export interface BandPark {
  name: string;
  ring: XY[];
}

export interface RiverBand {
  /** counter-clockwise open ring of the water polygon */
  water: XY[];
  parks: BandPark[];
}

const SOUTH = RIVER_ROW; // row line of 滨河南路
const NORTH = RIVER_ROW + 1; // row line of 滨河北路
const PROMENADE = { kind: 'footpath', name: '滨河步道' } as const;
const ACCESS = { kind: 'footpath' } as const;

const northBank = (x: number): number => riverCentre(x) + riverHalfWidth(x);
const southBank = (x: number): number => riverCentre(x) - riverHalfWidth(x);

/**
 * Adds promenades, access paths and bridges to the builder.
 * @param corners arterial node ids indexed [column][row]
 */
export function buildRiver(builder: NetworkBuilder, corners: number[][]): RiverBand {
  const at = (i: number, j: number): number => (corners[i] as number[])[j] as number;
  const bridgeColumns = new Set(BRIDGES.map((b) => b.column));
  const x0 = 180;
  const x1 = 5820;

  // per bank: x → node id that the promenade must pass through
  const stops = { south: new Map<number, number>(), north: new Map<number, number>() };
  const promenadeY = { south: (x: number) => southBank(x) - PROMENADE_OFFSET, north: (x: number) => northBank(x) + PROMENADE_OFFSET };

  const accessFromSide = (bank: 'south' | 'north', row: number, x: number): void => {
    // find the riverside-road side that spans x and meet it there
    for (let i = 0; i < XA.length - 1; i++) {
      const a = builder.point(at(i, row));
      const b = builder.point(at(i + 1, row));
      if (x <= a[0] || x >= b[0]) continue;
      const roadNode = builder.sideNode(hSide(i, row), (x - a[0]) / (b[0] - a[0]));
      const px = builder.point(roadNode)[0];
      const stop = builder.addNode([px, promenadeY[bank](px)]);
      builder.addEdge(roadNode, stop, ACCESS);
      stops[bank].set(px, stop);
      return;
    }
  };

  for (let i = 1; i < XA.length - 1; i++) {
    if (bridgeColumns.has(i)) continue;
    // the arterial that ends at the riverside road carries on as a path to the water
    for (const [bank, row] of [['south', SOUTH], ['north', NORTH]] as const) {
      const road = at(i, row);
      const px = builder.point(road)[0];
      const stop = builder.addNode([px, promenadeY[bank](px)]);
      builder.addEdge(road, stop, ACCESS);
      stops[bank].set(px, stop);
    }
  }
  for (let i = 0; i < XA.length - 1; i++) {
    const mid = ((XA[i] as number) + (XA[i + 1] as number)) / 2;
    const nearBridge = BRIDGES.some((b) => Math.abs((XA[b.column] as number) - mid) < 80) || Math.abs(mid - FOOTBRIDGE_X) < 80;
    if (nearBridge) continue;
    accessFromSide('south', SOUTH, mid);
    accessFromSide('north', NORTH, mid);
  }
  accessFromSide('south', SOUTH, x0);
  accessFromSide('north', NORTH, x0);
  accessFromSide('south', SOUTH, x1);
  accessFromSide('north', NORTH, x1);

  for (const bridge of BRIDGES) {
    const s = at(bridge.column, SOUTH);
    const n = at(bridge.column, NORTH);
    const x = builder.point(s)[0];
    const road = { kind: 'main', name: bridge.name, bridge: true } as const;
    if (bridge.overpass) {
      // one span from road to road; the promenades pass underneath without meeting it
      builder.addEdge(s, n, road);
      continue;
    }
    const ps = builder.addNode([x, promenadeY.south(x)]);
    const pn = builder.addNode([x, promenadeY.north(x)]);
    const column = COLUMN_LINES[bridge.column] as { name: string; kind: StreetKind };
    const street = { kind: column.kind, name: column.name };
    builder.addEdge(s, ps, street);
    builder.addEdge(ps, pn, road);
    builder.addEdge(pn, n, street);
    stops.south.set(x, ps);
    stops.north.set(x, pn);
  }
  const fs = builder.addNode([FOOTBRIDGE_X, promenadeY.south(FOOTBRIDGE_X)]);
  const fn = builder.addNode([FOOTBRIDGE_X, promenadeY.north(FOOTBRIDGE_X)]);
  builder.addEdge(fs, fn, { kind: 'footpath', name: '滨河人行桥', bridge: true });
  stops.south.set(FOOTBRIDGE_X, fs);
  stops.north.set(FOOTBRIDGE_X, fn);

  for (const bank of ['south', 'north'] as const) {
    const fixed = [...stops[bank].keys()];
    const xs = [...fixed];
    for (let x = x0; x <= x1; x += 40) if (fixed.every((f) => Math.abs(f - x) > 10)) xs.push(x);
    xs.sort((a, b) => a - b);
    let prev = -1;
    for (const x of xs) {
      const id = stops[bank].get(x) ?? builder.addNode([x, promenadeY[bank](x)]);
      if (prev >= 0) builder.addEdge(prev, id, PROMENADE);
      prev = id;
    }
  }

  return { water: waterRing(), parks: bandParks() };
}

function waterRing(): XY[] {
  const south: XY[] = [];
  const north: XY[] = [];
  for (let x = RIVER_X[0]; x <= RIVER_X[1] + 1e-9; x += 20) {
    south.push([x, southBank(x)]);
    north.push([x, northBank(x)]);
  }
  return [...south, ...north.reverse()];
}

/** 滨河公园 on the north bank and 青禾湿地公园 on the south bank, between the bridges. */
function bandParks(): BandPark[] {
  const strip = (xa: number, xb: number, edge: (x: number) => number, road: number): XY[] => {
    const bank: XY[] = [];
    for (let x = xa; x <= xb + 1e-9; x += 20) bank.push([x, edge(x)]);
    // counter-clockwise: along the bank west → east when the road is north of it
    return road > edge(xa) ? [...bank, [xb, road], [xa, road]] : [[xa, road], [xb, road], ...bank.reverse()];
  };
  return [
    { name: '滨河公园', ring: strip(1660, 2520, (x) => northBank(x) + 6, 2150 - 16) },
    { name: '青禾湿地公园', ring: strip(3580, 4500, (x) => southBank(x) - 6, 1550 + 16) },
  ];
}
