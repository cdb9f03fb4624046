// What crime publishes to other capabilities (docs/crime.md). Import from here.
export { type CrimeGroup, ratePer1000 } from './analysis/rates.js';
export { crimeStats, GROUP_BYS } from './crimeStats.js';
export { DEMO_FORCE } from './demo/generateStreetRows.js';
export type { CrimeImportSummary } from './importSummary.js';
export { areaPopulations } from './queries/areaPopulations.js';
export { type CrimeFilter, type CrimeGroupBy, crimeCounts, crimeCountsByType, crimeSources, outcomeCounts } from './queries/crimeCounts.js';
