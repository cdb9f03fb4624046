import fs from 'node:fs';
import type { Command } from 'commander';
import { cliActor } from '../../accounts/recordAudit.js';
import { loadConfig } from '../../app/config.js';
import { changeConsultationStage } from '../../consultations/changeConsultationStage.js';
import { createConsultation } from '../../consultations/createConsultation.js';
import { listConsultations } from '../../consultations/queries/listConsultations.js';
import { loadConsultation, loadSurveyDefinition } from '../../consultations/queries/loadConsultation.js';
import { writeCsv, writeXlsx } from '../../consultations/responses/exportResponses.js';
import { importResponses } from '../../consultations/responses/importResponses.js';
import { ConsultationRuntimeCache } from '../../consultations/runtime.js';
import { columnsFor } from '../../consultations/survey/columns.js';
import type { DbHandle } from '../../db/database.js';
import { resolvePartnershipId, withDatabase } from '../context.js';
import { CliError, printJson, say } from '../io.js';

async function findConsultation(handle: DbHandle, id: string) {
  const c = await loadConsultation(handle.db, id);
  if (!c) throw new CliError(`No consultation has the id "${id}". Run: saferplan consultation list`);
  return c;
}

const publicUrl = async (handle: DbHandle, partnershipId: string, slug: string) => {
  const p = await handle.db.selectFrom('partnerships').select('slug').where('id', '=', partnershipId).executeTakeFirstOrThrow();
  return `http://localhost:${loadConfig().port}/p/${p.slug}/${slug}`;
};

export function registerConsultationCommands(program: Command) {
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
      withDatabase(program.opts(), async (handle) => {
        const partnershipId = await resolvePartnershipId(handle, o.partnership);
        if (!partnershipId) throw new CliError('Create a partnership first: saferplan partnership create --name "..."');
        const { id, slug } = await createConsultation({
          db: handle.db,
          actor: cliActor(),
          partnershipId,
          consultation: { template: o.template as never, title: o.title, opens: o.opens, closes: o.closes },
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
      withDatabase(program.opts(), async (handle) => {
        const partnershipId = await resolvePartnershipId(handle, o.partnership);
        const all = partnershipId ? await listConsultations(handle.db, partnershipId) : [];
        if (o.format === 'json') {
          printJson(all.map(({ privacyNotice: _p, legalBasis: _l, ...c }) => c));
          return;
        }
        for (const c of all) process.stdout.write(`${c.id}  ${c.status.padEnd(9)}  ${c.title}\n`);
      }),
    );

  for (const action of ['open', 'close'] as const) {
    consultation
      .command(action)
      .argument('<id>', 'consultation id')
      .description(action === 'open' ? 'open a consultation now (until its closing date)' : 'close a consultation now')
      .action((id: string) =>
        withDatabase(program.opts(), async (handle) => {
          const c = await findConsultation(handle, id);
          const changed = await changeConsultationStage({
            db: handle.db,
            actor: cliActor(),
            partnershipId: c.partnershipId,
            consultationId: id,
            action,
          });
          printJson({ id, status: changed.status, opensAt: changed.opensAt, closesAt: changed.closesAt });
        }),
      );
  }

  const survey = program.command('survey').description('survey definitions');
  survey
    .command('show')
    .argument('<id>', 'consultation id')
    .option('--format <format>', 'json', 'json')
    .description('the survey: questions with code, type and options (value, label)')
    .action((id: string) =>
      withDatabase(program.opts(), async (handle) => {
        const c = await findConsultation(handle, id);
        const definition = await loadSurveyDefinition(handle.db, c, c.surveyVersion);
        const wards = await handle.db
          .selectFrom('wards')
          .select(['code', 'name'])
          .where('partnership_id', '=', c.partnershipId)
          .orderBy('name')
          .execute();
        printJson({
          consultationId: c.id,
          version: c.surveyVersion,
          title: definition.title,
          questions: definition.pages.flatMap((page) =>
            page.questions.map((q) => ({
              code: q.code,
              type: q.type,
              label: q.label,
              required: q.required,
              page: page.code,
              ...('rows' in q ? { rows: q.rows.map((r) => ({ code: r.code, label: r.label })) } : {}),
              ...('options' in q
                ? { options: q.options.map((o) => ({ value: o.value, label: o.label, ...(o.nonSubstantive ? { nonSubstantive: true } : {}) })) }
                : {}),
              ...(q.type === 'ward' ? { options: wards.map((w) => ({ value: w.code, label: w.name })) } : {}),
              ...(q.showIf ? { showIf: q.showIf } : {}),
            })),
          ),
          columns: columnsFor(definition).map((col) => col.code),
        });
      }),
    );

  const responses = program.command('responses').description('survey responses');
  responses
    .command('import')
    .argument('<id>', 'consultation id')
    .argument('<file>', 'a .csv or .xlsx file: one column per question code; multiple choice separated by ";"')
    .option('--channel <channel>', 'channel for rows without a channel column', 'import')
    .description('import responses: all or nothing; every problem reported by row and column')
    .action((id: string, file: string, o: { channel: string }) =>
      withDatabase(program.opts(), async (handle) => {
        if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
        await findConsultation(handle, id);
        const result = await importResponses({
          handle,
          runtimes: new ConsultationRuntimeCache(handle.db),
          actor: cliActor(),
          consultationId: id,
          file,
          defaultChannel: o.channel as never,
        });
        printJson(result);
        say(`Imported ${result.imported} responses.`);
      }),
    );

  responses
    .command('export')
    .argument('<id>', 'consultation id')
    .requiredOption('--format <format>', 'csv or xlsx')
    .requiredOption('--out <file>', 'where to write the file')
    .description('export every response: reference, one column per question, channel, submitted_at')
    .action((id: string, o: { format: string; out: string }) =>
      withDatabase(program.opts(), async (handle) => {
        if (o.format !== 'csv' && o.format !== 'xlsx') throw new CliError(`Unknown format "${o.format}": use csv or xlsx`);
        const c = await findConsultation(handle, id);
        const source = {
          db: handle.db,
          partnershipId: c.partnershipId,
          consultationId: id,
          definition: await loadSurveyDefinition(handle.db, c, c.surveyVersion),
        };
        const tmp = `${o.out}.part`;
        await (o.format === 'csv' ? writeCsv : writeXlsx)(source, fs.createWriteStream(tmp));
        fs.renameSync(tmp, o.out);
        say(`Wrote ${o.out}`);
      }),
    );
}
