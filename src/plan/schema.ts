/** What the plan's forms, its API and its commands accept: every input parsed here before an operation sees it. */
import { z } from 'zod';
import { formBody } from '../platform/validation.js';
import { ACTION_STATUSES, DIMENSIONS, EMMIE_EFFECTS, IMPACT_GROUP_KINDS, IMPACTS, PLAN_STATUSES } from './planTerms.js';

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} to ${max.toLocaleString('en-GB')} characters`);
const required = (label: string, max: number) => text(label, max).min(1, `Enter ${label}`);
const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label} as a date like 2025-04-01`)
    .refine(
      (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      `${label.charAt(0).toUpperCase()}${label.slice(1)} is not a real date`,
    );
const optionalDate = (label: string) =>
  z
    .union([z.literal('').transform(() => null), isoDate(label)])
    .nullable()
    .default(null);
/** A blank box is a missing value, never 0 (z.coerce would read '' as 0). */
const blankAsMissing = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** Checkboxes arrive as one value or many. */
const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const planInput = z
  .object({
    title: required('a title', 200),
    startsOn: isoDate('the start date'),
    endsOn: isoDate('the end date'),
    consultationId: z.string().trim().max(100).optional().default(''),
  })
  .refine((p) => p.endsOn > p.startsOn, { path: ['endsOn'], message: 'The end date must be after the start date' });

export const themeInput = z.object({ title: required('a title', 200), summary: text('the summary', 2000).default('') });

export const priorityInput = z.object({
  themeId: z.string().trim().min(1, 'Choose a theme'),
  title: required('a title', 300),
  rationale: text('the rationale', 5000).default(''),
  dimensions: many(z.enum(DIMENSIONS, { message: 'Choose victim, offender or place' })),
  pccPriorityIds: many(z.string().trim().max(100)),
});

export const actionInput = z.object({
  title: required('what the action is', 500),
  leadPartner: required('the lead partner', 200),
  supportingPartners: text('the supporting partners', 1000).default(''),
  startsOn: optionalDate('the start date'),
  dueOn: optionalDate('the due date'),
  resources: text('the resources', 2000).default(''),
  interventionId: z.string().trim().max(100).default(''),
});

export const progressInput = z.object({
  status: z.enum(ACTION_STATUSES, { message: 'Choose a status' }),
  progress: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ message: 'Enter progress as a whole number from 0 to 100' })
      .int('Enter progress as a whole number from 0 to 100')
      .min(0, 'Progress must be between 0 and 100')
      .max(100, 'Progress must be between 0 and 100'),
  ),
  note: text('the progress note', 2000).default(''),
});

const optionalNumber = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : v),
  z.coerce.number({ message: 'Enter the baseline as a number' }).finite('Enter the baseline as a number').nullable(),
);

export const measureInput = z.object({
  indicator: required('the indicator', 300),
  baseline: optionalNumber,
  baselineNote: text('the baseline note', 500).default(''),
  target: required('the target', 300),
  source: required('the source', 300),
  frequency: required('how often it is reported', 50),
});

export const measureValueInput = z.object({
  period: isoDate('the date'),
  value: z.preprocess(blankAsMissing, z.coerce.number({ message: 'Enter the value as a number' }).finite('Enter the value as a number')),
  note: text('the note', 500).default(''),
});

export const impactInput = z.object({
  groupKind: z.enum(IMPACT_GROUP_KINDS, { message: 'Choose the kind of group' }),
  groupLabel: required('the group', 200),
  impact: z.enum(IMPACTS, { message: 'Choose positive, negative or uncertain' }),
  evidence: text('the evidence', 5000).default(''),
  breakdown: z.string().trim().max(100).default(''),
  mitigation: text('the mitigation', 5000).default(''),
});

export const versionInput = z
  .object({
    status: z.enum(PLAN_STATUSES, { message: 'Choose draft, out for consultation or approved' }),
    decidedOn: optionalDate('the decision date'),
    decidedBy: text('who decided', 200).default(''),
  })
  .refine((v) => v.status !== 'approved' || (v.decidedOn && v.decidedBy), {
    path: ['decidedBy'],
    message: 'An approved version needs the date and who approved it (for example Cabinet)',
  });

export const pccInput = z.object({ title: required('the priority', 300), summary: text('the summary', 2000).default('') });

const rating = (what: string) =>
  z.coerce
    .number({ message: `Choose ${what}, from 0 to 3` })
    .int(`Choose ${what}, from 0 to 3`)
    .min(0, `Choose ${what}, from 0 to 3`)
    .max(3, `Choose ${what}, from 0 to 3`);

export const interventionInput = z.object({
  title: required('a title', 200),
  summary: text('the summary', 2000).default(''),
  source: text('the source', 500).default(''),
  effect: z.enum(EMMIE_EFFECTS, { message: 'Choose the effect' }),
  evidence: rating('the strength of the evidence'),
  mechanism: rating('how well the mechanism is understood'),
  moderators: rating('how well the moderators are understood'),
  implementation: rating('how well implementation is understood'),
  economic: rating('how well the economic cost is understood'),
});

export type PlanInput = z.output<typeof planInput>;
export type ThemeInput = z.output<typeof themeInput>;
export type PriorityInput = z.output<typeof priorityInput>;
export type ActionInput = z.output<typeof actionInput>;
export type ProgressInput = z.output<typeof progressInput>;
export type MeasureInput = z.output<typeof measureInput>;
export type MeasureValueInput = z.output<typeof measureValueInput>;
export type ImpactInput = z.output<typeof impactInput>;
export type VersionInput = z.output<typeof versionInput>;
export type InterventionInput = z.output<typeof interventionInput>;

// The plan pages' requests: each route's params and query, and a form's body as @fastify/formbody gives it (the
// form's fields are then read into the inputs above, so a problem is shown on its field).
const id = z.string().max(100);
const pageQuery = z.object({ done: z.string().max(40).optional(), theme: z.string().max(100).optional() });
const paramsOf = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, id])) as Record<K, typeof id>);
/** A page's request: its path's ids (`id` is the partnership) and the notice to show after a change. */
export const pageRequest = <K extends string = never>(...keys: K[]) => z.object({ params: paramsOf(['id', ...keys]), query: pageQuery });
/** A form's request: its path's ids and the posted fields. */
export const formRequest = <K extends string = never>(...keys: K[]) => z.object({ params: paramsOf(['id', ...keys]), body: formBody });
/** Two versions to compare: numbers, or `current` for the plan as it stands. */
export const compareRequest = z.object({
  params: z.object({ id, planId: id, a: z.string().max(12), b: z.string().max(12) }),
});
