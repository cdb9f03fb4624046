/**
 * What is coded. A unit is an answer (a response's answer to one free-text question) or, later, a workshop item; each
 * has a stable key, so codings, notes and the blind sample refer to one thing whatever its kind.
 */
export type UnitKind = 'answer' | 'workshop_item';
export type CodingPass = 'primary' | 'blind';

export interface AnswerUnit {
  kind: 'answer';
  responseId: string;
  questionCode: string;
}

export const answerUnitKey = (responseId: string, questionCode: string) => `answer:${responseId}:${questionCode}`;
export const workshopItemUnitKey = (itemId: string) => `workshop_item:${itemId}`;

/** The columns of a coding_units row for an answer. */
export const answerUnitRow = (partnershipId: string, consultationId: string, responseId: string, questionCode: string, at: string) => ({
  partnership_id: partnershipId,
  consultation_id: consultationId,
  unit_key: answerUnitKey(responseId, questionCode),
  kind: 'answer',
  response_id: responseId,
  question_code: questionCode,
  item_id: null,
  created_at: at,
});

/** A theme's code: lower-case words joined by underscores, as typed or made from its name. */
export const THEME_CODE_PATTERN = /^[a-z][a-z0-9_]{0,59}$/;

export function themeCodeOf(name: string): string {
  const code = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '');
  return /^[a-z]/.test(code) ? code : `t_${code}`.slice(0, 60);
}
