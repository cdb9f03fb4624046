// What geography publishes to other capabilities (docs/geography.md): pure, no I/O. Import from here.

export { isUnder16 } from './ageBands.js';
export { AreaIndex } from './areaIndex.js';
export { type Area, type BoundaryFile, codeAndNameProperties, type FeatureProblem, type Polygon, readBoundaries } from './boundaries.js';
