// What geography publishes to other capabilities (docs/geography.md). Import from here.

export { isUnder16 } from './ageBands.js';
export { AreaIndex } from './areaIndex.js';
export { type Area, type BoundaryFile, codeAndNameProperties, type FeatureProblem, type Polygon, readBoundaries } from './boundaries.js';
export { gridToLongitudeLatitude, inNationalGrid, inUnitedKingdom } from './britishNationalGrid.js';
export { listBoundaries } from './queries/listBoundaries.js';
