export { reachedEdges, type ReachedEdges, type ReachedEdgesOptions } from './reachedEdges';
export {
  serviceAreaPolygons, type ServiceAreaFeature, type ServiceAreaOptions, type ServiceAreaProps,
} from './serviceAreaPolygons';
export {
  planServiceAreaGrid, rasterizeServiceArea, type ServiceAreaGrid, type GridOptions,
} from './rasterizeServiceArea';
export { forEachReachedPiece, type EdgeSeeds, type PieceVisitor, type SeedSelection } from './edgePieces';
