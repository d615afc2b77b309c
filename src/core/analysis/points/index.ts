/**
 * Where a feature is measured from: its representative point, or evenly spaced samples inside a polygon.
 */
export { polygonGridSamples, type PolygonGridSampleOptions, type PolygonGridSamples } from './polygonGridSamples';
export { representativePoint } from './representativePoint';
