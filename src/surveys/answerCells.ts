/** One answer as a CSV/XLSX cell, the form validateAnswers reads back: lists joined by ";", blank for null or absent. */
import type { AnswerValue } from './definition.js';

export function answerToCell(value: AnswerValue | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  return value;
}
