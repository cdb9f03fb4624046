import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import type { DbHandle } from '../db/database.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';

/** The consultation with this id, or a message saying how to find one. */
export async function findConsultationForCli(handle: DbHandle, id: string) {
  const { loadConsultation } = await import('./queries/loadConsultation.js');
  const c = await loadConsultation(handle.db, id);
  if (!c) throw new CliError(`No consultation has the id "${id}". Run: saferplan consultation list`);
  return c;
}

export function registerConsultationCommands(program: Command, cli: CliContext) {
  const publicUrl = async (handle: DbHandle, partnershipId: string, slug: string) => {
    const { findPartnership } = await import('../partnerships/index.js');
    const p = await findPartnership(handle.db, partnershipId);
    return `${await cli.baseUrl()}/p/${p?.slug}/${slug}`;
  };
  const consultation = program.command('consultation').description('consultations and their surveys');

  consultation
    .command('create')
    .description('create a draft consultation from a template; prints {"id": ..., "url": ...}')
    .requiredOption('--template <template>', 'crime-survey, members-survey or blank')
    .requiredOption('--title <title>', 'the consultation title')
    .requiredOption('--opens <date>', 'opening date (UK time), e.g. 2024-07-10 or 2024-07-10T09:00')
    .requiredOption('--closes <date>', 'closing date (UK time; a date alone means the end of that day)')
    .option('--partnership <id>', 'the partnership (default: the only one)')
    .action((o: { template: string; title: string; opens: string; closes: string; partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        const partnershipId = await cli.resolvePartnershipId(handle, o.partnership);
        if (!partnershipId) throw new CliError('Create a partnership first: saferplan partnership create --name "..."');
        const { createConsultation } = await import('./createConsultation.js');
        const { id, slug } = await createConsultation({
          db: handle.db,
          actor: cliActor(),
          partnershipId,
          consultation: { template: o.template, title: o.title, opens: o.opens, closes: o.closes },
        });
        printJson({ id, url: await publicUrl(handle, partnershipId, slug) });
      }),
    );

  consultation
    .command('list')
    .description('list consultations')
    .option('--format <format>', 'json or table', 'table')
    .option('--partnership <id>', 'the partnership (default: the only one)')
    .action((o: { format: string; partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        const partnershipId = await cli.resolvePartnershipId(handle, o.partnership);
        const [{ listConsultations }, { presentConsultation }] = await Promise.all([
          import('./queries/listConsultations.js'),
          import('./presentConsultation.js'),
        ]);
        const all = partnershipId ? await listConsultations(handle.db, partnershipId) : [];
        if (o.format === 'json') {
          printJson(all.map(presentConsultation));
          return;
        }
        for (const c of all) process.stdout.write(`${c.id}  ${c.status.padEnd(9)}  ${c.title}\n`);
      }),
    );

  consultation
    .command('update')
    .argument('<id>', 'consultation id')
    .description("change a consultation's title, summary or dates (audited); prints the consultation as `list --format json` does")
    .option('--title <title>', 'the new title (its public address stays the same)')
    .option('--summary <summary>', 'the new summary shown on the hub and its page')
    .option('--opens <date>', 'the new opening date (UK time), e.g. 2027-07-10 or 2027-07-10T09:00')
    .option('--closes <date>', 'the new planned closing date (UK time; a date alone means the end of that day)')
    .action((id: string, o: { title?: string; summary?: string; opens?: string; closes?: string }) =>
      cli.withDatabase(async (handle) => {
        const c = await findConsultationForCli(handle, id);
        const changes = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
        if (Object.keys(changes).length === 0) throw new CliError('Nothing to change: give --title, --summary, --opens or --closes');
        const [{ updateConsultation }, { presentConsultation }] = await Promise.all([
          import('./updateConsultation.js'),
          import('./presentConsultation.js'),
        ]);
        const updated = await updateConsultation({ db: handle.db, actor: cliActor(), partnershipId: c.partnershipId, consultationId: c.id, changes });
        say(updated.changed.length ? `Changed: ${updated.changed.join(', ')}` : 'Nothing changed: the values given are the ones it has');
        printJson(presentConsultation(updated.consultation));
      }),
    );

  consultation
    .command('reopen')
    .argument('<id>', 'consultation id')
    .description('reopen a closed consultation (audited with the reason)')
    .requiredOption('--reason <text>', 'why it is reopened')
    .option('--closes <date>', 'a new closing date (UK time), needed when the planned one has passed')
    .action((id: string, o: { reason: string; closes?: string }) =>
      cli.withDatabase(async (handle) => {
        const c = await findConsultationForCli(handle, id);
        const { reopenConsultation } = await import('./reopenConsultation.js');
        const reopened = await reopenConsultation({ db: handle.db, actor: cliActor(), partnershipId: c.partnershipId, consultationId: c.id, ...o });
        printJson({ id, status: reopened.status, opensAt: reopened.opensAt, closesAt: reopened.closesAt, closedAt: reopened.closedAt });
      }),
    );

  for (const action of ['open', 'close'] as const) {
    consultation
      .command(action)
      .argument('<id>', 'consultation id')
      .description(action === 'open' ? 'open a consultation now (until its closing date)' : 'close a consultation now')
      .action((id: string) =>
        cli.withDatabase(async (handle) => {
          const c = await findConsultationForCli(handle, id);
          const { changeConsultationStage } = await import('./changeConsultationStage.js');
          const changed = await changeConsultationStage({
            db: handle.db,
            actor: cliActor(),
            partnershipId: c.partnershipId,
            consultationId: id,
            action,
          });
          printJson({ id, status: changed.status, opensAt: changed.opensAt, closesAt: changed.closesAt, closedAt: changed.closedAt });
        }),
      );
  }
}
