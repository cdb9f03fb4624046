import type { Consultation, ConsultationStatus, StageAction } from '../consultations/index.js';
import { forbidden, unauthenticated } from '../platform/errors.js';
import type { Role } from './roles.js';

/** Everything a staff user can do, named once; every staff route asks `authorize` before acting. */
export type Action =
  | 'staff:home'
  | 'partnership:view'
  | 'partnership:create'
  | 'partnership:settings'
  | 'user:manage'
  | 'audit:view'
  | 'consultation:view'
  | 'consultation:manage'
  | 'responses:enter'
  | 'responses:read'
  /** Restoring a withdrawn response (withdrawing is 'responses:enter'). */
  | 'responses:restore'
  | 'results:view-any-time'
  /** Asking for a small-number suppression threshold under the partnership's minimum (never under 3). */
  | 'results:lower-suppression'
  | 'survey:answer-members'
  /** Coding free-text answers with themes, editing the codebook, the blind sample (src/coding/). */
  | 'coding:code'
  /** Reopening a closed consultation (with a reason): administrators only. */
  | 'consultation:reopen'
  /** Reading a workshop's items and vote totals, and the partnership's workshop evidence. */
  | 'workshops:view'
  /** The stakeholder register (contacts' personal data), workshops, live capture, invitations and voting. */
  | 'engagement:manage'
  /** Reading residents' free text as typed, before redaction, where the partnership keeps it: administrators only. */
  | 'responses:read-originals'
  /** Recorded crime and the Strategic Assessment (police.uk data is public; every member of the partnership sees it). */
  | 'crime:view'
  /** Importing recorded crime and partners' data (src/crime/). */
  | 'crime:import'
  /** Setting the Strategic Assessment's prioritisation matrix scores (src/assessment/). */
  | 'assessment:edit'
  /** Reading the partnership's plans, their evidence and delivery (src/plan/). */
  | 'plan:view'
  /** Building a plan: themes, priorities, evidence links, actions, measures, HIIA, draft and consultation versions. */
  | 'plan:edit'
  /** Recording that a version was approved (by Cabinet, say), which freezes it: administrators only. */
  | 'plan:approve'
  /** Updating delivery: actions' status and progress, measures' values (lead partners too). */
  | 'plan:progress'
  /** Generating reports (committee note, findings, plan, HIIA, "you said, we did") and editing their narrative (src/reports/). */
  | 'reports:generate'
  /** Finding and exporting everything held about a named person (subject access, src/dataProtection/): administrators only. */
  | 'data:subject-access'
  /** Setting how long a consultation's personal details are kept, and applying retention: administrators only. */
  | 'data:retention'
  /** Downloading a closed consultation's anonymised open data before it is published. */
  | 'data:open-export';

const STAFF: readonly Action[] = ['staff:home', 'partnership:view', 'consultation:view', 'workshops:view', 'crime:view', 'plan:view'];
const OFFICER: readonly Action[] = [
  ...STAFF,
  'consultation:manage',
  'responses:enter',
  'responses:read',
  'results:view-any-time',
  'engagement:manage',
  'crime:import',
  'assessment:edit',
  'plan:edit',
  'plan:progress',
  'reports:generate',
];

const GRANTS: Record<Role, readonly Action[]> = {
  admin: [
    ...OFFICER,
    'partnership:create',
    'partnership:settings',
    'results:lower-suppression',
    'responses:restore',
    'user:manage',
    'audit:view',
    'survey:answer-members',
    'consultation:reopen',
    'coding:code',
    'responses:read-originals',
    'plan:approve',
    'data:subject-access',
    'data:retention',
    'data:open-export',
  ],
  analyst: [...OFFICER, 'coding:code', 'data:open-export'],
  partner: [...STAFF, 'plan:progress'],
  member: [...STAFF, 'survey:answer-members'],
  viewer: STAFF,
};

/** What may be done to a consultation depends on where it stands as well as on who asks. */
export type ConsultationAction = 'results:view' | 'survey:respond' | 'consultation:reopen-now' | `consultation:stage:${StageAction}`;

/** The stage changes offered from each status, the usual next step first. */
const NEXT_STAGES: Record<ConsultationStatus, readonly StageAction[]> = {
  draft: ['schedule', 'open'],
  scheduled: ['open'],
  open: ['close'],
  closed: ['mark-analysed', 'publish'],
  analysed: ['publish'],
  published: [],
};

type Rule = (user: Principal | undefined, consultation: Consultation) => boolean;
const stage =
  (action: StageAction): Rule =>
  (user, c) =>
    can(user, 'consultation:manage', c.partnershipId) && NEXT_STAGES[c.status].includes(action);

const CONSULTATION_RULES: Record<ConsultationAction, Rule> = {
  // Admins and analysts see results at any time; other staff once closed (after_close) or published; everyone once published.
  'results:view': (user, c) =>
    c.status === 'published' ||
    (can(user, 'consultation:view', c.partnershipId) &&
      (can(user, 'results:view-any-time') || (c.resultsVisibility === 'after_close' && (c.status === 'closed' || c.status === 'analysed')))),
  // Anyone answers a public consultation; a members' survey only members signed in (personal invitation links aside).
  'survey:respond': (user, c) => c.audiences.includes('public') || can(user, 'survey:answer-members', c.partnershipId),
  // An administrator reopens a consultation once closed, before its results are published.
  'consultation:reopen-now': (user, c) => can(user, 'consultation:reopen', c.partnershipId) && (c.status === 'closed' || c.status === 'analysed'),
  'consultation:stage:schedule': stage('schedule'),
  'consultation:stage:open': stage('open'),
  'consultation:stage:close': stage('close'),
  'consultation:stage:mark-analysed': stage('mark-analysed'),
  'consultation:stage:publish': stage('publish'),
};
const isConsultationAction = (action: string): action is ConsultationAction => Object.hasOwn(CONSULTATION_RULES, action);

export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnershipIds: readonly string[];
}

/**
 * Whether the user may take the action: by their role and, given a partnership id, their membership of it; given a
 * consultation, by its state too. No user may take no staff action (a consultation's rules say what the public may do).
 */
export function can(user: Principal | undefined, action: Action, partnershipId?: string): boolean;
export function can(user: Principal | undefined, action: ConsultationAction, consultation: Consultation): boolean;
export function can(user: Principal | undefined, action: Action | ConsultationAction, on?: string | Consultation): boolean {
  if (isConsultationAction(action)) return typeof on === 'object' && CONSULTATION_RULES[action](user, on);
  if (!user || !GRANTS[user.role].includes(action)) return false;
  return on === undefined || user.partnershipIds.includes(typeof on === 'string' ? on : on.partnershipId);
}

/** Throws the typed error the error handler turns into a sign-in redirect, a 403 page or JSON. */
export function authorize(user: Principal | undefined, action: Action, partnershipId?: string): Principal {
  if (!user) throw unauthenticated();
  if (!can(user, action, partnershipId)) throw forbidden();
  return user;
}
