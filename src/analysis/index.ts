// What analysis publishes to other capabilities. Import from here, not from files inside the folder.
export { analyseStoredConsultation } from './analyseStoredConsultation.js';
export type { BenchmarkInput } from './types.js';
