import { describe, expect, it } from 'vitest';
import { checkDefinitionChange } from './checkDefinitionChange.js';
import type { Question, SurveyDefinition } from './definition.js';
import { crimeSurveyTemplate } from './templates/crimeSurvey.js';

function edit(change: (questions: Map<string, Question>, def: SurveyDefinition) => void): SurveyDefinition {
  const def = crimeSurveyTemplate();
  const questions = new Map(def.pages.flatMap((p) => p.questions).map((q) => [q.code, q]));
  change(questions, def);
  return def;
}

describe('checkDefinitionChange', () => {
  const old = crimeSurveyTemplate();

  it('allows wording changes, reordering and new questions', () => {
    const reworded = edit((qs, def) => {
      const q = qs.get('police_job');
      if (q) q.label = 'How good a job are the police in your area doing?';
      def.title = 'Community Safety Survey 2025';
      def.pages.reverse();
      def.pages[0]?.questions.push({ code: 'new_question', type: 'short_text', label: 'New', required: false, maxLength: 50 });
    });
    expect(checkDefinitionChange(old, reworded)).toEqual([]);
  });

  it('refuses removing a question or a grid row', () => {
    const changed = edit((qs, def) => {
      for (const page of def.pages) page.questions = page.questions.filter((q) => q.code !== 'police_job');
      const grid = qs.get('safety_centre');
      if (grid?.type === 'rating_grid') grid.rows = grid.rows.filter((r) => r.code !== 'safe_centre_dark');
    });
    expect(checkDefinitionChange(old, changed)).toEqual([
      {
        kind: 'grid_row_removed',
        code: 'safe_centre_dark',
        message: 'Row "safe_centre_dark" of "safety_centre" has stored answers, so it cannot be removed',
      },
      { kind: 'question_removed', code: 'police_job', message: 'Question "police_job" has stored answers, so it cannot be removed' },
    ]);
  });

  it('refuses removing an option but allows rewording it', () => {
    const changed = edit((qs) => {
      const q = qs.get('victim');
      if (q?.type === 'single_choice')
        q.options = q.options.filter((o) => o.value !== 'prefer_not_to_say').map((o) => ({ ...o, label: o.label.toUpperCase() }));
    });
    expect(checkDefinitionChange(old, changed)).toEqual([
      {
        kind: 'option_removed',
        code: 'victim',
        message: 'Option "prefer_not_to_say" of "victim" may have stored answers, so it cannot be removed (you can reword its label)',
      },
    ]);
  });

  it('refuses changing a type, but allows short text to long text', () => {
    const changed = edit((qs, def) => {
      const page = def.pages.find((p) => p.questions.some((q) => q.code === 'victim'));
      if (page)
        page.questions = page.questions.map((q) =>
          q.code === 'victim' ? { code: 'victim', type: 'short_text', label: q.label, required: false, maxLength: 20 } : q,
        );
      const text = qs.get('feel_safer');
      if (text?.type === 'long_text') Object.assign(text, { type: 'short_text' });
    });
    expect(checkDefinitionChange(old, changed)).toEqual([
      {
        kind: 'type_changed',
        code: 'victim',
        message: '"victim" is a single choice with stored answers, so it cannot become a short text',
      },
    ]);
  });

  it('refuses tightening limits that stored answers may exceed', () => {
    const changed = edit((qs) => {
      const concerns = qs.get('concerns');
      if (concerns?.type === 'multiple_choice') concerns.maxChoices = 2;
      const text = qs.get('feel_safer');
      if (text?.type === 'long_text') text.maxLength = 500;
    });
    expect(checkDefinitionChange(old, changed)).toEqual([
      {
        kind: 'limit_tightened',
        code: 'concerns',
        message: '"concerns" has stored answers that may no longer be valid: the most choices goes down to 2',
      },
      {
        kind: 'limit_tightened',
        code: 'feel_safer',
        message: '"feel_safer" has stored answers that may no longer be valid: the length limit goes down from 1000 to 500 characters',
      },
    ]);
  });
});
