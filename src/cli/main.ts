import { Command, CommanderError } from 'commander';
import { CAPABILITIES } from '../app/capabilities.js';
import type { CliContext } from '../app/capability.js';
import { say } from '../platform/cli.js';
import { registerDatabaseCommands } from './commands/database.js';
import { registerServeCommand } from './commands/serve.js';

// Only commander and the command declarations load at start: what a command needs (the database, the
// configuration, the web server) is imported when it runs, so `saferplan --help` answers at once.
export function buildProgram(): Command {
  const program = new Command('saferplan')
    .description('SaferPlan: consultation, analysis and planning for Community Safety Partnerships')
    .option('--db <path>', 'SQLite file or postgres:// URL (default: DATABASE_URL, else ./data/saferplan.sqlite)')
    .showHelpAfterError()
    .exitOverride();
  const cli: CliContext = {
    withDatabase: async (work) => (await import('./context.js')).withDatabase(program.opts(), work),
    databaseTarget: async () => (await import('./context.js')).resolveTarget(program.opts()),
    resolvePartnershipId: async (handle, given) => (await import('./context.js')).resolvePartnershipId(handle, given),
    baseUrl: async () => {
      const config = (await import('../app/config.js')).loadConfig();
      return config.publicUrl ?? `http://localhost:${config.port}`;
    },
    chromiumPath: async () => (await import('../app/config.js')).loadConfig().chromiumPath,
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
  say((await import('./io.js')).describeFailure(err));
  process.exit(1);
}
