/** A respondent's progress through a survey, kept in their session (keyed by consultation id) until they submit. */
import type { FastifyRequest } from 'fastify';
import type { RawAnswers } from './formAnswers.js';

export interface SurveyProgress {
  /** Raw answers as typed, keyed by question or grid-row code. */
  answers: RawAnswers;
  /** The personal invitation (members' surveys) this respondent arrived through. */
  invitationId?: string;
  /** The reference of the response just submitted, for the confirmation page. */
  reference?: string;
}

const EMPTY: SurveyProgress = { answers: {} };

export function progressOf(request: FastifyRequest, consultationId: string): SurveyProgress {
  return request.session?.get('surveys')?.[consultationId] ?? EMPTY;
}

/** Replaces the progress object (never mutates it), so the session store sees the change and saves it. */
export function saveProgress(request: FastifyRequest, consultationId: string, progress: SurveyProgress): void {
  request.session.set('surveys', { ...(request.session.get('surveys') ?? {}), [consultationId]: progress });
}
