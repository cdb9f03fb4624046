import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/databases.js';
import { loadConsultation } from '../../consultations/index.js';
import { loadDemo } from '../../demo/loadDemo.js';
import { cliActor } from '../../platform/recordAudit.js';
import { agreement } from '../agreement.js';
import { isCoded } from '../filterAnswers.js';
import { listThemes } from '../queries/listThemes.js';
import { textAnswers } from '../queries/textAnswers.js';
import { blindSample, unitStates } from '../queries/unitStates.js';
import { demoThemesOf } from './loadDemoCodings.js';

it('reads demo comments the way an analyst might', () => {
  expect(demoThemesOf('More police officers on foot patrol in the park, especially after dark.')).toEqual(['police_visibility']);
  expect(demoThemesOf('Better street lighting on our road and CCTV that actually works.')).toEqual(['street_lighting', 'cctv']);
  expect(demoThemesOf("Don't know.")).toEqual([]);
});

describeEachEngine('the demo codings', ({ handle }) => {
  it('arrive partly coded, some quotable, with a blind sample coded twice, and load once', async () => {
    const summary = await loadDemo(handle(), cliActor());
    const c = await loadConsultation(handle().db, summary.consultations.crimeSurveyId);
    if (!c) throw new Error('no demo crime survey');
    const answers = (await textAnswers(handle().db, c)).filter((a) => a.questionCode === 'feel_safer');
    const primary = await unitStates(handle().db, c.partnershipId, c.id, 'primary');
    const coded = answers.filter((a) => isCoded(primary.get(a.unitKey))).length;
    expect(answers.length).toBeGreaterThan(300);
    expect(coded).toBe(Math.round(answers.length * (2 / 3)));
    expect([...primary.values()].filter((s) => s.quotable).length).toBeGreaterThan(5);
    const sample = await blindSample(handle().db, c.partnershipId, c.id);
    expect(sample.size).toBe(24);
    const blind = await unitStates(handle().db, c.partnershipId, c.id, 'blind');
    const a = agreement(await listThemes(handle().db, c.partnershipId, c.id), sample, primary, blind);
    expect(a.units).toBe(24);
    expect(a.overall.kappa).toBeGreaterThan(0.5);
    expect(a.overall.kappa).toBeLessThan(1);
    await loadDemo(handle(), cliActor());
    expect((await unitStates(handle().db, c.partnershipId, c.id, 'primary')).size).toBe(primary.size);
  }, 120_000);
});
