import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership } from '../../test-support/factories.js';
import { loadDemoPartnership } from '../partnerships/demo/loadDemoPartnership.js';
import { cliActor } from '../platform/recordAudit.js';
import { columnsFor } from '../surveys/columns.js';
import { surveyDefinitionSchema } from '../surveys/definition.js';
import { crimeSurveyTemplate } from '../surveys/templates/crimeSurvey.js';
import { loadSurveyDefinition } from './queries/loadConsultation.js';

describeEachEngine("createConsultation: a template made for the partnership's plan", ({ handle }) => {
  const surveyOf = async (partnershipId: string, template: 'members-survey' | 'crime-survey', title = 'Survey') => {
    const c = await buildConsultation({ db: handle().db, partnershipId, template, title });
    const definition = await loadSurveyDefinition(handle().db, c, c.surveyVersion);
    const parsed = surveyDefinitionSchema.safeParse(definition);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    return definition;
  };
  const themeRows = (definition: Awaited<ReturnType<typeof surveyOf>>) =>
    columnsFor(definition)
      .filter((c) => c.question.code === 'theme_importance')
      .map((c) => [c.code, c.row?.label]);

  it("rates the demo partnership's three themes under the codes its responses, tests and docs use", async () => {
    const { partnershipId } = await loadDemoPartnership(handle().db, cliActor());
    expect(themeRows(await surveyOf(partnershipId, 'members-survey'))).toEqual([
      ['theme_offending', 'Reduction of offending, re-offending and serious organised crime'],
      ['theme_public_place', 'Public place safety and reassurance'],
      ['theme_exploitation', 'Tackling exploitation and protecting victims of crime'],
    ]);
  });

  it("never gives a consultation the slug of one of the partnership's own pages (its statements, plan or withdrawal form)", async () => {
    const { id } = await buildPartnership({ db: handle().db, name: 'Slug Test CSP' });
    const slugs = [];
    for (const title of ['Plan', 'Withdraw', 'Privacy', 'Accessibility', 'Crime Survey'])
      slugs.push((await buildConsultation({ db: handle().db, partnershipId: id, title })).slug);
    expect(slugs).toEqual(['plan-2', 'withdraw-2', 'privacy-2', 'accessibility-2', 'crime-survey']);
  });

  it("rates another partnership its own themes, not the demo's", async () => {
    const themes = [
      { id: 'roads', title: 'Safer roads' },
      { id: 'night-time', title: 'A safe night-time economy' },
      { id: 'hate-crime', title: 'Standing up to hate crime' },
    ];
    const { id } = await buildPartnership({ db: handle().db, themes });
    expect(themeRows(await surveyOf(id, 'members-survey'))).toEqual([
      ['theme_roads', 'Safer roads'],
      ['theme_night_time', 'A safe night-time economy'],
      ['theme_hate_crime', 'Standing up to hate crime'],
    ]);
  });

  it('asks a partnership with no plan themes no theme questions, and leaves other templates as they were', async () => {
    const { id } = await buildPartnership({ db: handle().db, themes: [] });
    const members = await surveyOf(id, 'members-survey');
    expect(columnsFor(members).map((c) => c.code)).toEqual(['ward', 'ward_priorities', 'partners_differently', 'other_comments']);
    expect(await surveyOf(id, 'crime-survey', 'Crime Survey 2026')).toEqual(crimeSurveyTemplate({ title: 'Crime Survey 2026' }));
  });
});
