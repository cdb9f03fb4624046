import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';

/** `saferplan codes suggest`: under the `codes` group the coding capability creates (or a new one if it is absent). */
export function registerSuggestCommands(program: Command, cli: CliContext) {
  const codes = program.commands.find((c) => c.name() === 'codes') ?? program.command('codes').description('theme codings of free-text answers');
  codes
    .command('suggest')
    .description('suggest themes, with a confidence, for every answer to a free-text question that no person has coded (JSON array on stdout)')
    .argument('<id>', 'the consultation id')
    .requiredOption('--question <code>', 'the free-text question')
    .requiredOption('--format <format>', 'json')
    .action((id: string, o: { question: string; format: string }) =>
      cli.withDatabase(async (handle) => {
        if (o.format !== 'json') throw new CliError(`Unknown format "${o.format}": use json`);
        const [{ findConsultationForCli }, { questionSuggestions }, { AppError }] = await Promise.all([
          import('../consultations/index.js'),
          import('./queries/questionSuggestions.js'),
          import('../platform/errors.js'),
        ]);
        const consultation = await findConsultationForCli(handle, id);
        try {
          const result = await questionSuggestions(handle.db, cliActor(), consultation, o.question);
          printJson(result.suggestions.map((s) => ({ reference: s.reference, themes: s.themes })));
          say(
            `${result.suggestions.length} uncoded answers to ${o.question}; learned from ${result.codedExamples} coded answers and ${result.themes.length} themes`,
          );
        } catch (err) {
          if (err instanceof AppError && err.code === 'validation_failed')
            throw new CliError(err.fields.map((f) => f.message).join('; ') || err.message);
          throw err;
        }
      }),
    );
}
