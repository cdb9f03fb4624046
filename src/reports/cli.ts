import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, say } from '../platform/cli.js';

export function registerReportCommands(program: Command, cli: CliContext) {
  program
    .command('report')
    .description(
      'make a report from live data: committee note, consultation findings, the plan, the HIIA or "you said, we did", as HTML, PDF, DOCX or XLSX',
    )
    .requiredOption('--kind <kind>', 'committee, findings, plan, hiia or you-said-we-did')
    .requiredOption('--format <format>', 'html, pdf, docx or xlsx')
    .requiredOption('--out <file>', 'where to write it')
    .option('--consultation <id>', 'the consultation (id or slug); committee and findings default to the latest closed survey')
    .option('--plan <id>', 'the plan; plan and hiia default to the partnership’s current plan')
    .option('--partnership <partnership>', 'the partnership (id or slug); needed when there is more than one')
    .action((raw: Record<string, unknown>) =>
      cli.withDatabase(async (handle) => {
        const { reportOptions } = await import('./schema.js');
        const parsed = reportOptions.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CliError(`--${String(issue?.path[0] ?? '')}: ${issue?.message}`);
        }
        const o = parsed.data;
        const partnershipId = await cli.resolvePartnershipId(handle, o.partnership);
        if (!partnershipId) throw new CliError(o.partnership ? `No partnership "${o.partnership}"` : 'Say which partnership with --partnership');
        const { makeReportFile } = await import('./makeReportFile.js');
        const started = Date.now();
        const made = await makeReportFile({
          handle,
          partnershipId,
          request: { kind: o.kind, consultationId: o.consultation, planId: o.plan },
          format: o.format,
          out: o.out,
          chromiumPath: await cli.chromiumPath(),
        });
        say(
          `Wrote ${o.out} (${made.bytes.toLocaleString('en-GB')} bytes, ${o.kind} as ${o.format}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      }),
    );
}
