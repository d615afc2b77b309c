/**
 * Searches shared by the analyses: bounded single-source search, communities within a radius, straight-line nearest, snapping near the network.
 */
export { createBoundedSearch, type BoundedSearch } from './boundedSearch';
export { communitiesWithin, type CommunitiesWithin, type CommunitiesWithinOptions } from './communitiesWithin';
export { applyDetour, euclideanNearest, type EuclideanNearestOptions } from './euclideanNearest';
export { snapNearNetwork } from './snapNearNetwork';
