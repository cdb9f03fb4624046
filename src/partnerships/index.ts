// What partnerships publishes to other capabilities. Import from here, not from files inside the folder.
export { createPartnership } from './createPartnership.js';
export type { DemoLoadResult } from './demo/loadDemoPartnership.js';
export { anyPartnership } from './queries/anyPartnership.js';
export { findPartnership, listPartnerships, type Partnership } from './queries/listPartnerships.js';
export { listPlanThemes } from './queries/listPlanThemes.js';
export { listWards, type Ward } from './queries/listWards.js';
export { partnershipGeography } from './queries/partnershipGeography.js';
export { DEFAULT_SUPPRESSION_MINIMUM, SUPPRESSION_FLOOR } from './suppressionMinimum.js';
