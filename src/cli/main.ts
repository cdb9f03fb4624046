import { Command, CommanderError } from 'commander';
import { CAPABILITIES } from '../app/capabilities.js';
import type { CliContext } from '../app/capability.js';
import { loadConfig } from '../app/config.js';
import { registerDatabaseCommands } from './commands/database.js';
import { registerServeCommand } from './commands/serve.js';
import { resolvePartnershipId, withDatabase } from './context.js';
import { describeFailure, say } from './io.js';

export function buildProgram(): Command {
  const program = new Command('saferplan')
    .description('SaferPlan: consultation, analysis and planning for Community Safety Partnerships')
    .option('--db <path>', 'SQLite file or postgres:// URL (default: DATABASE_URL, else ./data/saferplan.sqlite)')
    .showHelpAfterError()
    .exitOverride();
  const cli: CliContext = {
    withDatabase: (work) => withDatabase(program.opts(), work),
    resolvePartnershipId,
    baseUrl: () => `http://localhost:${loadConfig().port}`,
  };
  registerServeCommand(program);
  registerDatabaseCommands(program);
  for (const capability of CAPABILITIES) capability.commands?.(program, cli);
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  say(describeFailure(err));
  process.exit(1);
}
