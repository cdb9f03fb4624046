import type { Command } from 'commander';
import { say } from '../../platform/cli.js';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('start the web server (migrates the database; loads the demo partnership into an empty one)')
    .option('--port <n>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'interface to listen on (default: HOST or localhost)')
    .option('--no-demo', 'do not load the demo partnership into an empty database')
    .action(async (options: { port?: string; host?: string; demo: boolean }) => {
      const [{ loadConfig }, { startServer }, { openDatabase }, { resolveTarget }] = await Promise.all([
        import('../../app/config.js'),
        import('../../app/server.js'),
        import('../../db/database.js'),
        import('../context.js'),
      ]);
      const env = { ...process.env, ...(options.port ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) };
      const config = loadConfig(env);
      const handle = await openDatabase(resolveTarget(program.opts(), env));
      const { url, demo } = await startServer({ handle, config, demoWhenEmpty: options.demo });
      if (demo?.created) {
        say('Loaded the demo partnership. Demo sign-in (demo only, change for real use):');
        for (const u of demo.users) say(`  ${u.email} (${u.role})  password: ${demo.password}`);
      }
      say(`SaferPlan is running at ${url} on ${handle.describe}`);
    });
}
