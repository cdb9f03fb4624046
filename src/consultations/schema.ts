import { z } from 'zod';
import { londonLocalToUtcIso } from '../platform/londonTime.js';
import { formBody, formField, formList, oneOf } from '../platform/validation.js';
import { storedResponseSchema } from '../responses/index.js';
import { TEMPLATE_IDS } from '../surveys/index.js';
import { STAGE_ACTIONS } from './changeConsultationStage.js';
import { RESULTS_VISIBILITY } from './status.js';

const londonDate = (what: string, endOfDay: boolean) =>
  z
    .string({ message: `Enter the ${what} date` })
    .trim()
    .min(1, `Enter the ${what} date`)
    .transform((text, ctx) => {
      const iso = londonLocalToUtcIso(text, { endOfDay });
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `The ${what} date must be a real date like 2024-07-10 (or 2024-07-10T09:00)` });
        return z.NEVER;
      }
      return iso;
    });

export const newConsultationSchema = z
  .object({
    template: oneOf(TEMPLATE_IDS, `Template must be one of: ${TEMPLATE_IDS.join(', ')}`),
    title: z.string().trim().min(3, 'Enter a title of at least 3 characters').max(200, 'Title must be 200 characters or fewer'),
    opens: londonDate('opening', false),
    closes: londonDate('closing', true),
    summary: z.string().trim().max(2000).optional(),
    purpose: z.string().trim().max(4000).optional(),
    legalBasis: z.string().trim().max(4000).optional(),
    privacyNotice: z.string().trim().max(8000).optional(),
    resultsVisibility: z.enum(RESULTS_VISIBILITY).default('after_close'),
  })
  .refine((c) => c.closes > c.opens, { message: 'The closing date must be after the opening date', path: ['closes'] });
export type NewConsultation = z.input<typeof newConsultationSchema>;

export const AUDIENCES = ['public', 'members', 'partners'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * The details staff may change after creating a consultation, each optional (missing: unchanged), with the rules
 * that apply at creation; the dates are checked against each other once merged with the stored ones (updateConsultation).
 */
export const consultationChangesSchema = z.object({
  title: newConsultationSchema.shape.title.optional(),
  summary: z.string().trim().max(2000, 'Summary must be 2,000 characters or fewer').optional(),
  purpose: z.string().trim().max(4000, 'Why we are asking must be 4,000 characters or fewer').optional(),
  privacyNotice: z
    .string()
    .trim()
    .min(1, 'Enter the privacy notice: how answers are used')
    .max(8000, 'Privacy notice must be 8,000 characters or fewer')
    .optional(),
  audiences: z
    .array(oneOf(AUDIENCES, `Who can take part must be from: ${AUDIENCES.join(', ')}`))
    .min(1, 'Select who can take part')
    .transform((list) => AUDIENCES.filter((a) => list.includes(a)))
    .optional(),
  resultsVisibility: oneOf(RESULTS_VISIBILITY, 'Select who may see the results, and when').optional(),
  topics: z.array(z.string()).optional(),
  opens: londonDate('opening', false).optional(),
  closes: londonDate('closing', true).optional(),
});
export type ConsultationChanges = z.input<typeof consultationChangesSchema>;

export const reopenSchema = z.object({
  reason: z.string().trim().min(1, 'Enter why the consultation is being reopened').max(2000, 'The reason must be 2,000 characters or fewer'),
  closes: londonDate('new closing', true).optional(),
});

// Requests: params, query and body of each route (parseRequest).
const consultationParams = z.object({ id: z.string() });
const partnershipParams = z.object({ pid: z.string() });
/** The staff's own reference for a response keyed in, shown once saved. */
const REFERENCE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/;
/** A query flag: present and not empty. */
const flag = z.unknown().optional().transform(Boolean);

export const consultationRequest = z.object({ params: consultationParams });
export const partnershipRequest = z.object({ params: partnershipParams });
/** The import page, after an import: how many responses it stored. */
export const importedQuery = z.object({
  params: consultationParams,
  query: z.object({ imported: z.coerce.number().int().min(0).max(10_000_000).optional().catch(undefined) }),
});
/** A download of every response: codes for scripts, or `labels=yes` for people (question text and option labels). */
export const exportQuery = z.object({
  params: consultationParams,
  query: z.object({ labels: z.enum(['yes']).optional().catch(undefined) }),
});
/** The import form's fields sent before its file. */
export const importFields = z.object({ allowDuplicate: z.enum(['yes']).optional().catch(undefined) });
/** GET /api/v1/partnerships/{id}/consultations (its parameter named as the API documents it). */
export const partnershipConsultationsRequest = z.object({ params: z.object({ id: z.string() }) });
/** ?changed=1 after a stage change, ?saved=1 after the details were saved, ?created=1 after creating the draft. */
export const overviewRequest = z.object({ params: consultationParams, query: z.object({ changed: flag, saved: flag, created: flag }) });
/** The details form: every field of the page; audiences and topics repeat (checkboxes), dates come in three boxes each. */
export const detailsRequest = z.object({
  params: consultationParams,
  body: z.object({
    title: formField,
    summary: formField,
    purpose: formField,
    privacyNotice: formField,
    audiences: formList,
    topics: formList,
    resultsVisibility: formField,
    'opens-day': formField,
    'opens-month': formField,
    'opens-year': formField,
    'closes-day': formField,
    'closes-month': formField,
    'closes-year': formField,
  }),
});
/** The confirmation page of a stage change (GET), whose Confirm button posts to /stage. */
export const stageConfirmRequest = z.object({ params: consultationParams.extend({ action: z.enum(STAGE_ACTIONS) }) });
export const reopenRequest = z.object({
  params: consultationParams,
  body: z.object({ reason: formField, 'closes-day': formField, 'closes-month': formField, 'closes-year': formField }),
});
/** A staff preview of a consultation's public pages: its information page and each question page. */
export const previewRequest = z.object({ params: consultationParams });
export const previewScreenRequest = z.object({ params: consultationParams.extend({ screen: z.string().max(200) }) });
export const stageRequest = z.object({ params: consultationParams, body: z.object({ action: z.enum(STAGE_ACTIONS) }) });
export const newConsultationRequest = z.object({
  params: partnershipParams,
  body: z.object({
    template: formField,
    title: formField,
    'opens-day': formField,
    'opens-month': formField,
    'opens-year': formField,
    'closes-day': formField,
    'closes-month': formField,
    'closes-year': formField,
  }),
});
export const keyInPageRequest = z.object({
  params: consultationParams,
  query: z.object({
    saved: z
      .unknown()
      .optional()
      .transform((saved) => REFERENCE.exec(String(saved ?? ''))?.[0]),
  }),
});
export const keyInRequest = z.object({ params: consultationParams, body: formBody });
export const invitationsRequest = z.object({ params: consultationParams, body: z.object({ people: formField }) });
/** The links just made, sent back by the invitations page to download them as CSV: each a token as the page showed it. */
export const invitationLinksRequest = z.object({
  params: consultationParams,
  body: z.object({
    token: z
      .union([z.string(), z.array(z.string())])
      .transform((t) => (Array.isArray(t) ? t : [t]))
      .pipe(
        z
          .array(z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Each link must be one this page made'))
          .min(1)
          .max(2000),
      ),
  }),
});
export const responsesPageRequest = z.object({
  params: consultationParams,
  query: z.object({
    limit: z.coerce.number().int().min(1).max(10_000).default(1000),
    after: z.string().optional().meta({ description: "the previous page's next value" }),
  }),
});
export const responsesPageSchema = z.object({
  consultationId: z.string(),
  responses: z.array(storedResponseSchema),
  next: z.string().nullable().meta({ description: 'the after value of the next page; null on the last page' }),
});

const slugs = z.object({ slug: z.string().max(200), cslug: z.string().max(200) });
/** The hub's GET form: text to search for, a status and a topic (plan theme id); blank or unknown values filter nothing. */
export const hubRequest = z.object({
  params: slugs.pick({ slug: true }),
  query: z.object({ q: formField.pipe(z.string().trim().max(200).catch('')), status: formField, topic: formField }),
});
export const consultationPageRequest = z.object({ params: slugs });
/** ?change=1: the respondent came from "check your answers" and goes back there. */
const changing = z.object({
  change: z
    .unknown()
    .optional()
    .transform((change) => change === '1'),
});
export const questionPageRequest = z.object({ params: slugs.extend({ screen: z.string().max(200) }), query: changing });
export const questionFormRequest = questionPageRequest.extend({ body: formBody });
/** The check page's form: its honeypot field, hidden from people, is filled in only by bots. */
export const checkFormRequest = z.object({ params: slugs, body: z.object({ website: formField }) });
export const invitationLinkRequest = z.object({ params: slugs.extend({ token: z.string().max(200) }) });

export const submissionRequest = z.object({
  params: consultationParams,
  headers: z.object({
    'idempotency-key': z
      .string()
      .trim()
      .min(1)
      .max(200, 'Idempotency-Key must be 200 characters or fewer')
      .optional()
      .meta({ description: 'A retry with the same key is stored once and answered with the same reference' }),
  }),
  // No body (or null) is no answers: the survey's own validation then names each required question.
  body: z
    .record(z.string(), z.unknown(), { message: 'The body must be a JSON object of answers keyed by question code' })
    .meta({
      description:
        'Answers keyed by question code (grid rows by their own codes), or {"answers": {...}}. Multiple choice and ranking as arrays or ";"-separated strings.',
    })
    .nullish()
    .transform((body) => body ?? {}),
});
export const submittedSchema = z.object({ reference: z.string().meta({ description: 'the response reference', examples: ['K7M2-9QXA-3F'] }) });
