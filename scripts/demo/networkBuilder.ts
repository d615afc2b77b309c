/**
 * Collects the walking network as a planar graph in the logical frame: nodes
 * with ids, edges between node ids, and "sides" (arterial stretches between two
 * arterial crossings) that the blocks on both sides split where their own
 * streets meet them. Shared vertices are node ids, so every line meeting at a
 * node later gets the very same rounded coordinate.
 */
import { dist, lerp, type XY } from './geometry';
import type { StreetKind } from './layout';

export interface EdgeProps {
  kind: StreetKind;
  name?: string;
  bridge?: boolean;
}

export interface Edge {
  a: number;
  b: number;
  props: EdgeProps;
}

interface Side {
  a: number;
  b: number;
  props: EdgeProps;
  splits: Map<number, number>; // t → node id
}

/** A merged chain: node ids from one junction (or dead end) to the next. */
export interface Chain {
  nodes: number[];
  props: EdgeProps;
}

export class NetworkBuilder {
  readonly points: XY[] = [];
  readonly edges: Edge[] = [];
  readonly #sides = new Map<string, Side>();

  addNode(p: XY): number {
    this.points.push(p);
    return this.points.length - 1;
  }

  point(id: number): XY {
    const p = this.points[id];
    if (!p) throw new Error(`NetworkBuilder: no node ${id}`);
    return p;
  }

  addEdge(a: number, b: number, props: EdgeProps): void {
    if (a === b) throw new Error(`NetworkBuilder: self-loop at node ${a}`);
    this.edges.push({ a, b, props });
  }

  defineSide(key: string, a: number, b: number, props: EdgeProps): void {
    if (this.#sides.has(key)) throw new Error(`NetworkBuilder: side ${key} defined twice`);
    this.#sides.set(key, { a, b, props, splits: new Map() });
  }

  hasSide(key: string): boolean {
    return this.#sides.has(key);
  }

  sideProps(key: string): EdgeProps {
    return this.#side(key).props;
  }

  /** Node at parameter t (0 = side start, 1 = side end); repeated calls with the same t share the node. */
  sideNode(key: string, t: number): number {
    const side = this.#side(key);
    if (t <= 0) return side.a;
    if (t >= 1) return side.b;
    const known = side.splits.get(t);
    if (known !== undefined) return known;
    // the blocks on both sides pick their own streets; two that would meet the
    // side within 4 m of each other share one junction instead of a sliver
    const len = dist(this.point(side.a), this.point(side.b));
    for (const [t2, id2] of side.splits) if (Math.abs(t2 - t) * len < 4) return id2;
    if (t * len < 4) return side.a;
    if ((1 - t) * len < 4) return side.b;
    const id = this.addNode(lerp(this.point(side.a), this.point(side.b), t));
    side.splits.set(t, id);
    return id;
  }

  #side(key: string): Side {
    const side = this.#sides.get(key);
    if (!side) throw new Error(`NetworkBuilder: unknown side ${key}`);
    return side;
  }

  /** Turns every side into edges between its consecutive split nodes. Call once, last. */
  finishSides(): void {
    for (const side of this.#sides.values()) {
      const ts = [...side.splits.keys()].sort((x, y) => x - y);
      let prev = side.a;
      for (const t of ts) {
        const id = side.splits.get(t) as number;
        this.addEdge(prev, id, side.props);
        prev = id;
      }
      this.addEdge(prev, side.b, side.props);
    }
  }

  /**
   * Merges edges through nodes of degree 2 whose two edges have the same
   * properties, so each chain runs from one junction or dead end to the next.
   */
  chains(): Chain[] {
    const n = this.points.length;
    const incident: number[][] = Array.from({ length: n }, () => []);
    this.edges.forEach((e, k) => {
      (incident[e.a] as number[]).push(k);
      (incident[e.b] as number[]).push(k);
    });
    const joinable = (node: number): boolean => {
      const inc = incident[node] as number[];
      if (inc.length !== 2) return false;
      return sameProps((this.edges[inc[0] as number] as Edge).props, (this.edges[inc[1] as number] as Edge).props);
    };
    const used = new Uint8Array(this.edges.length);
    const out: Chain[] = [];
    for (let k = 0; k < this.edges.length; k++) {
      if (used[k]) continue;
      used[k] = 1;
      const e = this.edges[k] as Edge;
      const forward = this.#walk(e.b, k, incident, joinable, used);
      const backward = this.#walk(e.a, k, incident, joinable, used);
      const nodes = [...backward.reverse(), e.a, e.b, ...forward];
      out.push({ nodes, props: e.props });
    }
    return out;
  }

  #walk(start: number, fromEdge: number, incident: number[][], joinable: (n: number) => boolean, used: Uint8Array): number[] {
    const nodes: number[] = [];
    let node = start;
    let edge = fromEdge;
    while (joinable(node)) {
      const inc = incident[node] as number[];
      const next = (inc[0] === edge ? inc[1] : inc[0]) as number;
      if (used[next]) break; // closed loop
      used[next] = 1;
      const e = this.edges[next] as Edge;
      node = e.a === node ? e.b : e.a;
      edge = next;
      nodes.push(node);
    }
    return nodes;
  }
}

function sameProps(p: EdgeProps, q: EdgeProps): boolean {
  return p.kind === q.kind && p.name === q.name && (p.bridge ?? false) === (q.bridge ?? false);
}
