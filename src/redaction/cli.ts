import readline from 'node:readline';
import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';

export function registerRedactionCommands(program: Command, cli: CliContext) {
  const text = program.command('text').description("residents' free text");
  text
    .command('redact')
    .description('one answer a line on stdin; each line on stdout with names, emails, phones, postcodes, addresses and registrations replaced')
    .action(async () => {
      const { redactText } = await import('./redactText.js');
      const lines = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      let out = '';
      for await (const line of lines) {
        out += `${redactText(line).text}\n`;
        if (out.length > 65_536) {
          if (!process.stdout.write(out)) await new Promise((resolve) => process.stdout.once('drain', resolve));
          out = '';
        }
      }
      process.stdout.write(out);
    });
  text
    .command('purge-originals')
    .description("delete residents' text as typed once older than each partnership's retention period (also done when serve starts); audited")
    .action(() =>
      cli.withDatabase(async (handle) => {
        const { purgeOriginals } = await import('./originals.js');
        const purged = await purgeOriginals(handle.db, cliActor());
        printJson({ purged });
        say(`Deleted ${purged.reduce((n, p) => n + p.deleted, 0)} kept originals from ${purged.length} partnership(s)`);
      }),
    );
}
