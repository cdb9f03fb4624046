/** The consultation and response operations under /api/v1, from the schemas their routes parse and answer with. */

import { z } from 'zod';
import type { ApiOperation } from '../platform/openApi.js';
import { surveySchema } from '../surveys/index.js';
import { consultationSummarySchema } from './presentConsultation.js';
import {
  consultationRequest,
  partnershipConsultationsRequest,
  responsesPageRequest,
  responsesPageSchema,
  submissionRequest,
  submittedSchema,
} from './schema.js';

const error = (description: string) => ({ description, body: 'error' as const });
const NOT_SIGNED_IN = error('Not signed in (code unauthenticated)');
const NOT_ALLOWED = error('Not allowed, or not in this partnership (code forbidden)');
const NO_CONSULTATION = error('No such consultation (code not_found)');

export const consultationApi: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/api/v1/consultations/{id}/responses',
    summary: 'Submit a response (public consultations, while open)',
    request: submissionRequest,
    responses: {
      201: { description: 'Durably stored', body: submittedSchema },
      403: error("A members' survey: answered through its web page (code forbidden)"),
      404: NO_CONSULTATION,
      409: error('The consultation is not open (code not_open)'),
      422: error('Answers that do not fit the survey, one field error each'),
      429: error('Too many submissions from this address'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/consultations/{id}/responses',
    summary: 'Stored responses in submission order, a page at a time (analysts and admins)',
    session: true,
    request: responsesPageRequest,
    responses: {
      200: { description: 'A page of responses; next is the after value of the following page', body: responsesPageSchema },
      401: NOT_SIGNED_IN,
      403: NOT_ALLOWED,
      404: NO_CONSULTATION,
      422: error('A limit outside 1-10,000'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/consultations/{id}/survey',
    summary: 'The current survey: its questions, export columns and definition (the same JSON as saferplan survey show)',
    request: consultationRequest,
    responses: { 200: { description: 'The survey', body: surveySchema }, 404: error('No such consultation, or a draft') },
  },
  {
    method: 'get',
    path: '/api/v1/partnerships/{id}/consultations',
    summary: "The partnership's consultations (the same JSON as saferplan consultation list --format json)",
    session: true,
    request: partnershipConsultationsRequest,
    responses: {
      200: { description: 'Newest opening first', body: z.object({ consultations: z.array(consultationSummarySchema) }) },
      401: NOT_SIGNED_IN,
      403: NOT_ALLOWED,
    },
  },
];
