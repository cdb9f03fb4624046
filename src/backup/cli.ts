import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { printJson, say } from '../platform/cli.js';

export function registerBackupCommands(program: Command, cli: CliContext) {
  program
    .command('backup')
    .description('write a consistent, verified copy of the database, safe while the server runs; prints what it wrote as JSON')
    .requiredOption('--out <file>', 'the backup file to write (SQLite: a database file; PostgreSQL: a pg_dump custom archive)')
    .option('--force', 'replace --out when it exists', false)
    .action(async (options: { out: string; force: boolean }) => {
      const [{ backupDatabase }, { cliActor }] = await Promise.all([import('./backupDatabase.js'), import('../platform/recordAudit.js')]);
      const report = await backupDatabase({ target: await cli.databaseTarget(), out: options.out, force: options.force, actor: cliActor() });
      printJson(report);
      say(
        `Backed up ${report.database} to ${report.file}: ${report.bytes} bytes, integrity ok, ` +
          `${report.counts.consultations} consultation(s), ${report.counts.responses} response(s)`,
      );
    });

  program
    .command('restore')
    .description('restore a file written by saferplan backup into an empty database, then migrate it (stop a server using that SQLite file first)')
    .argument('<file>', 'the backup file')
    .option('--force', 'replace a database that is not empty', false)
    .action(async (file: string, options: { force: boolean }) => {
      const [{ restoreDatabase }, { cliActor }] = await Promise.all([import('./restoreDatabase.js'), import('../platform/recordAudit.js')]);
      const report = await restoreDatabase({ target: await cli.databaseTarget(), file, force: options.force, actor: cliActor() });
      printJson(report);
      say(
        `Restored ${report.database} from ${report.file}: ${report.counts.consultations} consultation(s), ${report.counts.responses} response(s)` +
          (report.migrationsApplied.length ? `; then applied ${report.migrationsApplied.length} migration(s)` : ''),
      );
    });
}
