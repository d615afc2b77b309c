export { reachedEdges, type ReachedEdges, type ReachedEdgesOptions } from './reachedEdges';
export {
  serviceAreaPolygons, type ServiceAreaFeature, type ServiceAreaOptions, type ServiceAreaProps,
} from './serviceAreaPolygons';
export {
  planServiceAreaGrid, rasterizeServiceArea, type ServiceAreaGrid, type GridOptions,
} from './rasterizeServiceArea';
export { collectReachedPieces, seededPieces, type EdgePieces, type EdgeSeeds, type SeedSelection } from './edgePieces';
export { contourGrid } from './contourGrid';
