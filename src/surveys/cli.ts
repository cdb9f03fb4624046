import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { printJson } from '../platform/cli.js';

export function registerSurveyCommands(program: Command, cli: CliContext) {
  const survey = program.command('survey').description('survey definitions');
  survey
    .command('show')
    .argument('<id>', 'consultation id')
    .option('--format <format>', 'json', 'json')
    .description('the survey: questions with code, type and options (value, label)')
    .action((id: string) =>
      cli.withDatabase(async (handle) => {
        const [{ findConsultationForCli, loadSurveyDefinition }, { listWards }, { columnsFor }] = await Promise.all([
          import('../consultations/index.js'),
          import('../partnerships/index.js'),
          import('./columns.js'),
        ]);
        const c = await findConsultationForCli(handle, id);
        const definition = await loadSurveyDefinition(handle.db, c, c.surveyVersion);
        const wards = await listWards(handle.db, c.partnershipId);
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
}
