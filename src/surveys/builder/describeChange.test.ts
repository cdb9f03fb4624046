import { describe, expect, it } from 'vitest';
import { checkDefinitionChange } from '../checkDefinitionChange.js';
import { crimeSurveyTemplate } from '../templates/crimeSurvey.js';
import { describeDefinitionChange } from './describeChange.js';
import { addOption, addQuestion, editQuestion, moveQuestion, removeOption, renamePage } from './edits.js';
import { ok, SMALL_SURVEY } from './smallSurvey.fixture.js';

describe('describeDefinitionChange', () => {
  it('says nothing changed for an identical copy', () => {
    expect(describeDefinitionChange(SMALL_SURVEY, structuredClone(SMALL_SURVEY)).summary).toBe('no change');
  });

  it('names reworded questions and pages, and keeps structural changes apart', () => {
    let d = ok(
      editQuestion(SMALL_SURVEY, 'safe_day', {
        label: 'By day, how safe?',
        required: true,
        optionLabels: ['Safe', 'Not safe', "Don't know"],
      }),
    );
    d = ok(renamePage(d, 'about_you', { title: 'You' }));
    d = ok(addOption(d, 'safe_day', 'Very unsafe'));
    d = ok(
      addQuestion(d, 'about_you', {
        type: 'date',
        code: 'moved_in',
        label: 'Moved in',
        required: false,
      }),
    );
    d = ok(moveQuestion(d, 'age', 'up'));
    expect(describeDefinitionChange(SMALL_SURVEY, d)).toEqual({
      added: ['moved_in'],
      removed: [],
      reworded: [],
      changed: ['safe_day'],
      reordered: true,
      pagesAdded: [],
      pagesRemoved: [],
      pagesReworded: ['about_you'],
      titleChanged: false,
      summary: 'added moved_in; changed safe_day; reordered questions; reworded page about_you',
    });
    const wordingOnly = ok(
      editQuestion(SMALL_SURVEY, 'why_unsafe', {
        label: 'Why do you feel unsafe?',
        required: false,
        showIf: { question: 'safe_day', anyOf: ['unsafe'] },
      }),
    );
    expect(describeDefinitionChange(SMALL_SURVEY, wordingOnly).summary).toBe('reworded why_unsafe');
    expect(describeDefinitionChange(SMALL_SURVEY, ok(removeOption(SMALL_SURVEY, 'safe_day', 'dont_know'))).summary).toBe('changed safe_day');
  });

  it('agrees with checkDefinitionChange that rewording the crime survey breaks nothing', () => {
    const before = crimeSurveyTemplate();
    const after = ok(
      editQuestion(before, 'feel_safer', {
        label: 'What one thing would make you feel safer where you live?',
        hint: 'Do not include names.',
        required: false,
      }),
    );
    expect(checkDefinitionChange(before, after)).toEqual([]);
    expect(describeDefinitionChange(before, after).summary).toBe('reworded feel_safer');
  });
});
