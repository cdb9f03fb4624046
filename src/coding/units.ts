/**
 * What is coded. A unit is an answer (a response's answer to one free-text question) or a workshop item (one idea
 * captured at a partner workshop linked to the consultation); each has a stable key, so codings, notes and the blind
 * sample refer to one thing whatever its kind.
 */
export type UnitKind = 'answer' | 'workshop_item';
export type CodingPass = 'primary' | 'blind';

/**
 * The coding pages list a consultation's workshop items as one more "question" with this code. Survey question codes
 * never hold a hyphen (surveys/codes.ts), so it cannot be taken by a question.
 */
export const WORKSHOP_ITEMS_QUESTION = 'workshop-items';

/** What identifies a unit wherever it is coded: its key, its kind and what it belongs to. */
export interface CodingUnit {
  unitKey: string;
  kind: UnitKind;
  /** The response, for an answer; null for a workshop item. */
  responseId: string | null;
  /** The workshop item, for a workshop item; null for an answer. */
  itemId: string | null;
  /** The survey question, or WORKSHOP_ITEMS_QUESTION. */
  questionCode: string;
  /** The response's reference, or the workshop item's (W- and the start of its id). */
  reference: string;
}

export const answerUnitKey = (responseId: string, questionCode: string) => `answer:${responseId}:${questionCode}`;
export const workshopItemUnitKey = (itemId: string) => `workshop_item:${itemId}`;
export const workshopItemReference = (itemId: string) => `W-${itemId.slice(0, 8)}`;

/** The columns of a coding_units row for a unit of either kind. */
export const unitRow = (partnershipId: string, consultationId: string, unit: CodingUnit, at: string) => ({
  partnership_id: partnershipId,
  consultation_id: consultationId,
  unit_key: unit.unitKey,
  kind: unit.kind,
  response_id: unit.responseId,
  question_code: unit.kind === 'answer' ? unit.questionCode : null,
  item_id: unit.itemId,
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
