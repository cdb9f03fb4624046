/**
 * A paper form comes back as it comes back: a response that did not arrive through the online form may leave any
 * question blank (recorded as not answered), even one the online form requires; "Don't know" would be false data.
 */
import type { SurveyDefinition } from '../../surveys/index.js';

/** Whether the online form's "required" applies to a response that arrived by this channel. */
export const requiresAnswers = (channel: string) => channel === 'online';

const optional = new WeakMap<SurveyDefinition, SurveyDefinition>();

/** The same survey with no question required: what paper, email, phone, event and imported answers are checked against. */
export function withoutRequired(definition: SurveyDefinition): SurveyDefinition {
  let copy = optional.get(definition);
  if (!copy) {
    copy = { ...definition, pages: definition.pages.map((p) => ({ ...p, questions: p.questions.map((q) => ({ ...q, required: false })) })) };
    optional.set(definition, copy);
  }
  return copy;
}

/** The definition a response's answers are checked against, by how it arrived. */
export const definitionFor = (definition: SurveyDefinition, channel: string) => (requiresAnswers(channel) ? definition : withoutRequired(definition));
