/**
 * The walking graph: undirected edges stored as CSR typed arrays (flatbush-style flat state),
 * so it can be transferred to a worker without copying.
 *
 * Node identity: coordinates rounded to 7 decimals (DESIGN §4). Nodes are reordered spatially
 * for memory locality. Every arc a (0 ≤ a < 2·edgeCount) belongs to node i when
 * offsets[i] ≤ a < offsets[i+1]; it leads to targets[a] along edge arcEdge[a].
 */
export interface WalkGraph {
  nodeCount: number;
  edgeCount: number;
  /** lon, lat interleaved, length 2·nodeCount */
  coords: Float64Array;
  /** length nodeCount + 1 */
  offsets: Int32Array;
  /** length 2·edgeCount */
  targets: Int32Array;
  /** length 2·edgeCount: edge id of each arc */
  arcEdge: Int32Array;
  /** length 2·edgeCount: metres, duplicated from edgeLength for the hot loop */
  arcLength: Float64Array;
  /** per undirected edge: end nodes and length in metres (haversine, R = 6,371,008.8 m) */
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeLength: Float64Array;
  /** per edge: index of the network feature it came from (set by buildGraph) */
  edgeFeature?: Int32Array;
  /** per node: connected-component id, 0 = largest component (set by buildGraph) */
  component?: Int32Array;
  /** number of connected components (set by buildGraph) */
  componentCount?: number;
  /** what the build did with the input (set by buildGraph; plain data, structured-clone safe) */
  stats?: GraphBuildStats;
}

/** Counts reported by buildGraph so nothing is dropped silently. */
export interface GraphBuildStats {
  /** features in the input collection */
  features: number;
  nodes: number;
  /** undirected edges after dropping zero-length and duplicate segments */
  edges: number;
  components: number;
  /** nodes in the largest connected component */
  largestComponentNodes: number;
  /** features with a null geometry (skipped) */
  skippedNullGeometry: number;
  /** features with properties.walkable === false or 'false' (excluded) */
  skippedNotWalkable: number;
  /** features that are not LineString / MultiLineString (skipped) */
  skippedOtherGeometry: number;
  /** skippedNullGeometry + skippedNotWalkable + skippedOtherGeometry */
  skipped: number;
  /** coordinates that are not finite numbers (the line is broken there) */
  invalidCoordinates: number;
  /** consecutive vertices that are the same node after rounding */
  droppedZeroLength: number;
  /** segments joining two nodes already joined by an earlier segment */
  droppedDuplicate: number;
  /** total length of all edges, metres */
  totalLength: number;
  /** longest edge, metres */
  maxEdgeLength: number;
}
