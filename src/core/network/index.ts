export type { WalkGraph, GraphBuildStats } from './graph';
export { EARTH_RADIUS_M, haversine } from './haversine';
export { createLocalFrame, lonLatExtent, METRES_PER_DEGREE, type LocalFrame } from './localFrame';
export { buildGraph, type BuildGraphOptions, type NetworkInput } from './buildGraph';
export { buildSegmentIndex, type SegmentIndex } from './buildSegmentIndex';
export { snapPoints, type SnapResult } from './snapPoints';
export {
  createDijkstraWorkspace, multiSourceDijkstra, reuseDijkstraWorkspace,
  type DijkstraWorkspace, type DijkstraOptions, type DijkstraRun, type EdgeSources,
} from './multiSourceDijkstra';
export { distancesAtSnaps, prepareSnapTargets, type DistancesAtSnapsOptions, type SnapTargetPlan } from './distancesAtSnaps';
export { walkingRoute, type WalkingRoute } from './walkingRoute';
export { createTwoLabelWorkspace, twoNearestLabels, twoNearestSearch, type TwoLabelWorkspace, type TwoNearest } from './twoNearestSearch';
export { patchGraph, patchSegmentIndex, type GraphPatch, type NetworkLayerChange } from './patchGraph';
