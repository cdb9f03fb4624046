import type { Capability } from '../app/capability.js';
import { registerBackupCommands } from './cli.js';

export const backupCapability: Capability = {
  name: 'backup',
  commands: registerBackupCommands,
};
