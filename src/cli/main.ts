import { Command, CommanderError } from 'commander';
import { registerAnalyseCommand } from './commands/analyse.js';
import { registerConsultationCommands } from './commands/consultation.js';
import { registerDatabaseCommands } from './commands/database.js';
import { registerPartnershipCommands } from './commands/partnership.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommands } from './commands/user.js';
import { describeFailure, say } from './io.js';

export function buildProgram(): Command {
  const program = new Command('saferplan')
    .description('SaferPlan: consultation, analysis and planning for Community Safety Partnerships')
    .option('--db <path>', 'SQLite file or postgres:// URL (default: DATABASE_URL, else ./data/saferplan.sqlite)')
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerDatabaseCommands(program);
  registerPartnershipCommands(program);
  registerUserCommands(program);
  registerConsultationCommands(program);
  registerAnalyseCommand(program);
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  say(describeFailure(err));
  process.exit(1);
}
