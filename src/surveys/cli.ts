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
        const [{ findConsultationForCli, loadSurveyDefinition }, { listWards }, { presentSurvey }] = await Promise.all([
          import('../consultations/index.js'),
          import('../partnerships/index.js'),
          import('./presentSurvey.js'),
        ]);
        const c = await findConsultationForCli(handle, id);
        const definition = await loadSurveyDefinition(handle.db, c, c.surveyVersion);
        const wards = await listWards(handle.db, c.partnershipId);
        printJson(presentSurvey({ consultationId: c.id, version: c.surveyVersion, definition, wards }));
      }),
    );
}
