import type { Feature, MultiPolygon, Position } from 'geojson';
import type { WalkGraph } from '../../network/graph';
import { contourGrid } from './contourGrid';
import { collectReachedPieces, type SeedSelection } from './edgePieces';
import { planServiceAreaGrid, rasterizeServiceArea, type ServiceAreaGrid } from './rasterizeServiceArea';

export interface ServiceAreaOptions extends SeedSelection {
  /** Raster cell size in metres. Default 25; grown for large areas, see maxCells. */
  cellSize?: number;
  /** Longest straight walk from the network to a place, metres (R). Default 100. */
  maxOffNetwork?: number;
  /** Upper bound of raster cells; the cell size grows to respect it. Default 1,000,000. */
  maxCells?: number;
}

export interface ServiceAreaProps {
  /** metres */
  threshold: number;
  /** area of the polygons in the local metre frame, m² */
  area_m2: number;
  /** raster cell size actually used, metres */
  cellSize: number;
  maxOffNetwork: number;
}

export type ServiceAreaFeature = Feature<MultiPolygon, ServiceAreaProps>;

/**
 * Service-area polygons, one MultiPolygon (lon/lat, RFC 7946 ring order) per threshold, in the
 * order given: the places whose walk — straight to the network (≤ maxOffNetwork) then along
 * it to the nearest source — is at most the threshold (the rule is spelled out in
 * rasterizeServiceArea). Built by rasterising a signed-distance field on a local metre grid
 * and contouring it with d3-contour (see contourGrid for how holes are kept fast); never Turf
 * buffer/union/isobands (DESIGN §7).
 * @param graph the walking graph
 * @param dist network distance per node, metres (Infinity when unreached); a search cutoff
 *   must be at least the largest threshold
 * @param thresholds metres, e.g. [300, 500, 1000]; each result contains the smaller ones
 */
export function serviceAreaPolygons(
  graph: WalkGraph,
  dist: ArrayLike<number>,
  thresholds: readonly number[],
  options: ServiceAreaOptions = {},
): ServiceAreaFeature[] {
  if (dist.length < graph.nodeCount) {
    throw new Error(`serviceAreaPolygons: dist has ${dist.length} values for ${graph.nodeCount} nodes`);
  }
  for (const t of thresholds) {
    if (!(t >= 0 && t < Infinity)) throw new Error(`serviceAreaPolygons: threshold ${t} is not a distance in metres`);
  }
  const R = options.maxOffNetwork ?? 100;
  const maxT = thresholds.length ? Math.max(...thresholds) : 0;
  const pieces = collectReachedPieces(graph, dist, maxT, options);
  const grid = planServiceAreaGrid(graph, pieces, options);
  if (!grid) {
    return thresholds.map((threshold) => feature([], {
      threshold, area_m2: 0, cellSize: options.cellSize ?? 25, maxOffNetwork: R,
    }));
  }
  let values: Float64Array | undefined;
  return thresholds.map((threshold) => {
    values = rasterizeServiceArea(graph, pieces, threshold, grid, { maxOffNetwork: R }, values);
    const { coordinates, area } = toLonLat(contourGrid(values, grid.width, grid.height), grid);
    return feature(coordinates, { threshold, area_m2: area, cellSize: grid.cellSize, maxOffNetwork: R });
  });
}

function feature(coordinates: Position[][][], properties: ServiceAreaProps): ServiceAreaFeature {
  return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates } };
}

/**
 * Grid coordinates (value i sits at i + ½; rings already in RFC 7946 order) → lon/lat, and the
 * area in m² (outer rings count positive, holes negative).
 */
function toLonLat(polys: number[][][][], g: ServiceAreaGrid): { coordinates: Position[][][]; area: number } {
  let area = 0;
  const cs = g.cellSize;
  const coordinates = polys.map((poly) => poly.map((ring) => {
    const n = ring.length;
    const outRing: Position[] = new Array(n);
    let twice = 0;
    for (let p = 0; p < n; p++) {
      const [X, Y] = ring[p];
      const [Xn, Yn] = ring[p + 1 === n ? 0 : p + 1];
      twice += X * Yn - Xn * Y;
      outRing[p] = [g.lon0 + (g.originX + X * cs) / g.kx, g.lat0 + (g.originY + Y * cs) / g.ky];
    }
    area += (twice / 2) * cs * cs;
    return outRing;
  }));
  return { coordinates, area };
}
