import { describe, expect, it } from 'vitest';
import { whoSeesAnswers } from './whoSeesAnswers.js';

describe('whoSeesAnswers', () => {
  it('keeps the anonymity wording for a public survey', () => {
    expect(whoSeesAnswers(['public'], 'Anytown CSP')).toBe('Your answers are anonymous unless you choose to tell us who you are.');
  });

  it('tells members their answers are linked to their name and who can see them', () => {
    expect(whoSeesAnswers(['members'], 'Anytown CSP')).toBe(
      'Your answers are linked to your name. The community safety team (analysts and administrators of Anytown CSP) can see who answered and what they said; published results do not name anyone.',
    );
  });
});
