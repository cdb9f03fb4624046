import type { Consultation } from '../consultations/index.js';
import type { Actor } from '../platform/recordAudit.js';
import { openCodebook } from './openCodebook.js';
import { type AnswerSource, type TextAnswer, textAnswers, textQuestions } from './queries/textAnswers.js';
import { blindSample, unitStates } from './queries/unitStates.js';
import type { CodingPass } from './units.js';

/** Everything the coding pages show of a consultation in one pass: codebook, questions, answers, their codings. */
export async function loadWorkspace(source: AnswerSource, actor: Actor, consultation: Consultation, pass: CodingPass = 'primary') {
  const db = 'driver' in source ? source.db : source;
  const of = { partnershipId: consultation.partnershipId, consultationId: consultation.id };
  const themes = await openCodebook(db, actor, of);
  const questions = await textQuestions(db, consultation);
  let answers: TextAnswer[] = await textAnswers(source, consultation, questions);
  const sample = await blindSample(db, of.partnershipId, of.consultationId);
  if (pass === 'blind') answers = answers.filter((a) => sample.has(a.unitKey));
  const states = await unitStates(db, of.partnershipId, of.consultationId, pass);
  return { themes, questions, answers, states, sample };
}
export type Workspace = Awaited<ReturnType<typeof loadWorkspace>>;
