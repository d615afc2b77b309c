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
}
