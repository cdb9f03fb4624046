import type { Capability } from '../app/capability.js';
import { registerResponseCommands } from './cli.js';

export const responsesCapability: Capability = {
  name: 'responses',
  commands: registerResponseCommands,
};
