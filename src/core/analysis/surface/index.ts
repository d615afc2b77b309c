/** Accessibility surfaces (issue 13): walking distance from every cell of a grid to the nearest facility. */
export { categorySurface, MAX_SURFACE_CELLS, maxSurface, surfaceCellAt, surfaceFeatures, surfaceGrid, type SurfaceGrid } from './accessSurface';
