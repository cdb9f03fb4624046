import type { Capability } from '../app/capability.js';
import { registerGeographyCommands } from './cli.js';

/** A partnership's places (docs/geography.md): boundaries, placing points in areas; `saferplan geography import`. */
export const geographyCapability: Capability = {
  name: 'geography',
  commands: registerGeographyCommands,
  demo: async () => (await import('./demo/loadDemoGeography.js')).loadDemoGeography,
};
