// A closed Crime Survey with comments, some coded by a person: the data the suggestion tests share.
import { buildConsultation, buildPartnership, buildResponses } from '../../test-support/factories.js';
import { codeAnswer, listThemes, openCodebook, textAnswers } from '../coding/index.js';
import { withComment } from '../coding/testFixtures.js';
import type { Consultation } from '../consultations/index.js';
import type { DbHandle } from '../db/database.js';

export const ACTOR = { id: null, label: 'test:analyst' };

/** Coded by a person: six answers a theme; then six uncoded answers, two a theme. */
export const CODED: [string, string][] = [
  ['Cars speeding down the high street', 'Speeding and road safety'],
  ['Dangerous driving near the school', 'Speeding and road safety'],
  ['Boy racers speeding at night', 'Speeding and road safety'],
  ['Speeding vans on our road', 'Speeding and road safety'],
  ['Drivers going far too fast past the school', 'Speeding and road safety'],
  ['Speed cameras needed, cars race through', 'Speeding and road safety'],
  ['Drug dealing on the corner', 'Drugs'],
  ['Dealers selling drugs outside the shop', 'Drugs'],
  ['Needles and drug users in the park', 'Drugs'],
  ['Smell of cannabis and drug dealing in the flats', 'Drugs'],
  ['Drug deals in the car park', 'Drugs'],
  ['County lines drug dealers', 'Drugs'],
];
export const UNCODED = [
  'Speeding cars outside my house',
  'Someone is dealing drugs next door',
  'Cars driving too fast on the estate',
  'Drug users in the alley',
  'Street lights broken on Elm Road',
  'Broken street lights by the park',
];

export async function buildSuggestionData(handle: DbHandle): Promise<{ consultation: Consultation; partnershipId: string }> {
  const p = await buildPartnership({ db: handle.db });
  const consultation = await buildConsultation({ db: handle.db, partnershipId: p.id, stage: 'closed' });
  await buildResponses({ handle, consultation, answers: [...CODED.map(([t]) => t), ...UNCODED].map((t) => withComment(t)) });
  await openCodebook(handle.db, ACTOR, { partnershipId: p.id, consultationId: consultation.id });
  const themes = await listThemes(handle.db, p.id, consultation.id);
  const idOf = (name: string) => {
    const t = themes.find((x) => x.name === name);
    if (!t) throw new Error(`no theme ${name} in ${themes.map((x) => x.name).join(', ')}`);
    return t.id;
  };
  const answers = await textAnswers(handle.db, consultation);
  for (const [text, theme] of CODED) {
    const answer = answers.find((a) => a.text === text);
    if (!answer) throw new Error(`no answer ${text}`);
    await codeAnswer({
      db: handle.db,
      actor: ACTOR,
      partnershipId: p.id,
      consultationId: consultation.id,
      answer,
      pass: 'primary',
      themeIds: [idOf(theme)],
      note: '',
      quotable: false,
    });
  }
  return { consultation, partnershipId: p.id };
}
