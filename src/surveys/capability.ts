import type { Capability } from '../app/capability.js';
import { registerSurveyCommands } from './cli.js';

export const surveysCapability: Capability = {
  name: 'surveys',
  webRoutes: async () => [(await import('./builder/routes.js')).surveyBuilderRoutes],
  commands: registerSurveyCommands,
};
