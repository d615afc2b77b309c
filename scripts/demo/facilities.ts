/**
 * Facility points: each category of FACILITY_PLAN placed on sites drawn by
 * weight and by the residents they would serve, plus bus stops along the main roads.
 */
import type { Feature, Point } from 'geojson';
import { FACILITY_PLAN, REACH_SHARE, type PlanContext } from './facilityPlan';
import { dist, toLonLat, type XY } from './geometry';
import { riverCentre } from './layout';
import type { NameAllocator } from './names';
import { pickByDemand, reachIndex, type Demand, type ReachIndex } from './pickByDemand';
import type { Rng } from './random';
import { boxDistance, type Box, type Site } from './sites';

export interface FacilityProps {
  id: string;
  name: string;
  category: string;
  capacity?: number;
}

export interface PlacementContext {
  sites: readonly Site[];
  /** lon/lat of each site, same order */
  sitesLonLat: readonly XY[];
  /** sites already taken by another point feature */
  used: Set<number>;
  /** the old core and the new east district, logical metres [x0, y0, x1, y1] */
  coreBoxM: Box;
  newEastBoxM: Box;
  /** residents and where they start walking, per community */
  demand: Demand;
  /** community name per region index (regions that hold a community) */
  communityOfRegion: ReadonlyMap<number, string>;
}

/**
 * Picks up to `count` sites by weight (Efraimidis–Spirakis keys), keeping
 * `spacing` metres between picks; relaxes the spacing when too few fit.
 */
export function pickSites(ctx: PlacementContext, count: number, spacing: number, weight: (idx: number) => number, rng: Rng): number[] {
  const keyed: [number, number][] = [];
  ctx.sites.forEach((_, idx) => {
    const wt = weight(idx);
    if (wt > 0 && !ctx.used.has(idx)) keyed.push([Math.pow(rng.next(), 1 / wt), idx]);
  });
  keyed.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const chosen: number[] = [];
  for (let gap = spacing; chosen.length < count && gap >= spacing / 4; gap *= 0.7) {
    for (const [, idx] of keyed) {
      if (chosen.length >= count) break;
      if (chosen.includes(idx)) continue;
      const p = (ctx.sites[idx] as Site).p;
      if (chosen.every((c) => dist((ctx.sites[c] as Site).p, p) >= gap)) chosen.push(idx);
    }
  }
  for (const idx of chosen) ctx.used.add(idx);
  return chosen;
}

/** Builds the facilities of every planned category. */
export function buildFacilities(ctx: PlacementContext, busRoads: readonly { a: XY; b: XY; name: string }[], rng: Rng, names: NameAllocator): Feature<Point, FacilityProps>[] {
  const out: Feature<Point, FacilityProps>[] = [];
  const planCtx = ctx.sites.map((site): PlanContext => {
    const c: PlanContext = {
      coreDist: boxDistance(site.p, ctx.coreBoxM),
      eastDist: boxDistance(site.p, ctx.newEastBoxM),
      southOfRiver: site.p[1] < riverCentre(site.p[0]),
    };
    const community = ctx.communityOfRegion.get(site.region);
    if (community) c.community = community;
    return c;
  });
  const points = ctx.sites.map((s) => s.p);
  const indexes = new Map<number, ReachIndex>();
  for (const plan of FACILITY_PLAN) {
    const stream = rng.fork(plan.category);
    const reach = plan.radius * REACH_SHARE;
    let index = indexes.get(reach);
    if (!index) indexes.set(reach, (index = reachIndex(points, ctx.demand, reach)));
    const weights = ctx.sites.map((s, idx) => (ctx.used.has(idx) ? 0 : plan.weight(s, planCtx[idx] as PlanContext)));
    const picked = pickByDemand(index, weights, { count: plan.count, spacing: plan.spacing, focus: plan.focus ?? 1 }, stream);
    for (const idx of picked) ctx.used.add(idx);
    picked.forEach((idx, k) => {
      // a village has a committee, not a 社区: 王庄村社区卫生服务站 → 王庄村卫生服务站
      const candidates = plan.names(ctx.sites[idx] as Site, k, planCtx[idx] as PlanContext).map((n) => n.replace('村社区', '村'));
      const free = candidates.find((n) => !names.has(n));
      const props: FacilityProps = { id: '', name: free ? names.take(free) : names.unique(candidates[0] as string, 'suffix'), category: plan.category };
      if (plan.capacity) props.capacity = stream.pick(plan.capacity);
      out.push(point(props, ctx.sitesLonLat[idx] as XY));
    });
  }
  out.push(...busStops(ctx, busRoads, rng.fork('bus_stop'), names));
  out.forEach((f, k) => (f.properties.id = `f${String(k + 1).padStart(3, '0')}`));
  return out;
}

/** Bus stops: at most this many, at least this far apart (metres), so most homes have one within 500 m. */
const BUS_STOP_MAX = 60;
const BUS_STOP_SPACING_M = 320;

/** Stops beside the main roads, 9 m off the centre line, BUS_STOP_SPACING_M apart. */
function busStops(ctx: PlacementContext, roads: readonly { a: XY; b: XY; name: string }[], rng: Rng, names: NameAllocator): Feature<Point, FacilityProps>[] {
  const chosen: XY[] = [];
  const out: Feature<Point, FacilityProps>[] = [];
  for (const road of rng.shuffle(roads)) {
    const len = dist(road.a, road.b);
    if (len < 120 || chosen.length >= BUS_STOP_MAX) continue;
    const t = rng.range(0.35, 0.65);
    const side = rng.chance(0.5) ? 1 : -1;
    const p: XY = [
      road.a[0] + (road.b[0] - road.a[0]) * t + (side * 9 * (road.b[1] - road.a[1])) / len,
      road.a[1] + (road.b[1] - road.a[1]) * t - (side * 9 * (road.b[0] - road.a[0])) / len,
    ];
    if (chosen.some((c) => dist(c, p) < BUS_STOP_SPACING_M)) continue;
    chosen.push(p);
    let nearest = 0;
    let best = Infinity;
    for (let idx = 0; idx < ctx.sites.length; idx++) {
      const q = (ctx.sites[idx] as Site).p;
      const d2 = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
      if (d2 < best) (best = d2), (nearest = idx);
    }
    const hood = (ctx.sites[nearest] as Site).hood;
    const name = [`${hood}站`, `${road.name}${hood}站`].find((n) => !names.has(n));
    out.push(point({ id: '', name: name ? names.take(name) : names.unique(`${road.name}站`, 'suffix'), category: 'bus_stop' }, toLonLat(p)));
  }
  return out;
}

function point<P>(props: P, ll: XY): Feature<Point, P> {
  return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: ll } };
}
