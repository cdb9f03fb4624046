/** The accounts pages' view models: plain data for the GOV.UK macros in accounts/views/. */
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import { html } from '../platform/html.js';
import { formatLondon } from '../platform/londonTime.js';
import type { TableRow } from '../platform/pageContexts.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { OidcRefusal } from './oidc/signInWithOidc.js';
import type { UserSummary } from './queries/listUsers.js';
import type { TwoStepStatus } from './queries/twoStepStatus.js';
import { isRole, LEAST_PRIVILEGED_ROLE, ROLE_LABELS, ROLES } from './roles.js';
import type { Change } from './schema.js';

const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);
const partnershipNames = (user: UserSummary, names: ReadonlyMap<string, string>) => user.partnershipIds.map((id) => names.get(id) ?? id).join(', ');

const formErrors = (fields: readonly FieldError[]) => ({ errors: errorSummaryItems(fields), fieldErrors: messagesByField(fields) });

/** The sign-in form; after a failed attempt, the email given and the problems; after a password reset, saying so. */
export const signInPage = (next: string, email?: string, fields: readonly FieldError[] = [], reset = false, sso = false) => ({
  title: 'Sign in',
  next,
  /** Single sign-on is set up: the button to sign in with the council's account, and where it goes. */
  ssoHref: sso ? `/sign-in/oidc?${new URLSearchParams({ next })}` : undefined,
  values: { email },
  notice: reset ? 'Your password was changed. Sign in with your new password.' : undefined,
  ...formErrors(fields),
});

export interface UsersPageInput {
  users: readonly UserSummary[];
  /** The partnerships the administrator belongs to: the users' names for them, and the choice for a new user. */
  partnerships: readonly Partnership[];
  /** What was posted, to fill the form again. */
  values: Readonly<Partial<Record<'email' | 'name' | 'role' | 'partnership', string>>>;
  fields: readonly FieldError[];
  notice?: string;
  /** The id of a user just added: the page says so. */
  added?: string;
}

/** The users of the administrator's partnerships, and the form to add one. */
export function usersPage({ users, partnerships, values, fields, notice, added }: UsersPageInput) {
  const newUser = added ? users.find((u) => u.id === added) : undefined;
  const names = new Map(partnerships.map((p) => [p.id, p.name]));
  const rows: TableRow[] = users.map((u) => [
    { text: u.email },
    { text: u.name },
    { text: roleLabel(u.role) },
    { text: u.disabled ? 'Disabled' : 'Active' },
    { text: partnershipNames(u, names) },
    { html: html`<a class="govuk-link" href="/staff/users/${u.id}">Manage<span class="govuk-visually-hidden"> ${u.email}</span></a>` },
  ]);
  return {
    title: 'Users',
    notice: newUser
      ? `${newUser.email} was added as ${roleLabel(newUser.role)}. Give them their password in person or by phone, or make them a password reset link on their page.`
      : notice,
    rows,
    // The least privileged role unless another was chosen.
    roleItems: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], selected: (values.role ?? LEAST_PRIVILEGED_ROLE) === r })),
    partnershipItems: partnerships.map((p) => ({ value: p.id, text: p.name, selected: values.partnership === p.id })),
    values: { email: values.email, name: values.name },
    ...formErrors(fields),
  };
}

const CHANGE_NOTICES: Record<Change, string> = {
  disabled: 'The user is disabled and signed out. They cannot sign in until enabled again.',
  enabled: 'The user is enabled: they can sign in again.',
  role: 'The role was changed.',
  password: 'The password was set and the user was signed out everywhere. Give them the new password in person or by phone.',
  'two-step':
    'Two-step verification was reset and the user was signed out everywhere. They can set it up again when they next sign in (administrators and analysts must, where it is required).',
};

export interface UserPageInput {
  user: UserSummary;
  twoStep: TwoStepStatus;
  partnerships: readonly Partnership[];
  changed?: Change;
  fields?: readonly FieldError[];
}

/** One user: their details, and the forms to disable or enable them, change their role, set their password or remove them. */
export function userPage({ user, twoStep, partnerships, changed, fields = [] }: UserPageInput) {
  const names = new Map(partnerships.map((p) => [p.id, p.name]));
  return {
    title: user.email,
    user: { id: user.id, email: user.email, disabled: user.disabled },
    summaryRows: [
      { key: { text: 'Email address' }, value: { text: user.email } },
      { key: { text: 'Name' }, value: { text: user.name } },
      { key: { text: 'Role' }, value: { text: roleLabel(user.role) } },
      { key: { text: 'Status' }, value: { text: user.disabled ? 'Disabled' : 'Active' } },
      { key: { text: 'Partnerships' }, value: { text: partnershipNames(user, names) } },
      { key: { text: 'Two-step verification' }, value: { text: twoStep.enrolled ? 'Set up' : 'Not set up' } },
    ],
    twoStepSetUp: twoStep.enrolled,
    roleItems: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], selected: user.role === r })),
    notice: changed ? CHANGE_NOTICES[changed] : undefined,
    ...formErrors(fields),
  };
}

/** The question before removing a user. */
export const removeUserPage = (user: UserSummary, fields: readonly FieldError[] = []) => ({
  title: `Remove ${user.email}`,
  user: { id: user.id, email: user.email },
  ...formErrors(fields),
});

/** The signed-in user's own password form. */
export const ownPasswordPage = (changed: boolean, fields: readonly FieldError[] = []) => ({
  title: 'Change your password',
  notice: changed ? 'Your password was changed. You were signed out everywhere else.' : undefined,
  ...formErrors(fields),
});

/** The one-time reset link, shown once to the administrator who made it. */
export const resetLinkPage = (user: { id: string; email: string; name: string }, link: string, expiresAt: string) => ({
  title: `Password reset link for ${user.email}`,
  user: { id: user.id, email: user.email, name: user.name },
  link,
  expires: formatLondon(expiresAt, 'datetime'),
});

/** The page a reset link opens: the new-password form, or why the link no longer works. */
export const resetPasswordPage = (state: { token: string; email?: string; fields?: readonly FieldError[] } | { invalid: string }) =>
  'invalid' in state
    ? { title: 'This link no longer works', invalid: state.invalid, ...formErrors([]) }
    : { title: 'Choose a new password', token: state.token, email: state.email, invalid: undefined, ...formErrors(state.fields ?? []) };

/** The second step of signing in: the code from the authenticator app, or (folded away) a recovery code. */
export const twoStepCodePage = (fields: readonly FieldError[] = []) => ({
  title: 'Enter your two-step verification code',
  recoveryOpen: fields.some((f) => f.field === 'recoveryCode'),
  ...formErrors(fields),
});

export interface TwoStepSetUpInput {
  /** Where the code is posted: while signing in, or from the account page. */
  action: string;
  secret: string;
  /** The secret's otpauth:// address as an SVG QR code (twoStep/qrCode.ts). */
  qrCode: string;
  /** Their role must use two-step verification. */
  required: boolean;
  signingIn: boolean;
  fields?: readonly FieldError[];
}

/** Setting up the authenticator app: the QR code, the key as text in groups of four, and the code that confirms it. */
export const twoStepSetUpPage = ({ action, secret, qrCode, required, signingIn, fields = [] }: TwoStepSetUpInput) => ({
  title: 'Set up two-step verification',
  action,
  key: secret.match(/.{1,4}/g)?.join(' ') ?? secret,
  qrCode,
  required,
  signingIn,
  ...formErrors(fields),
});

/** The recovery codes, shown this once: after setting up, or made again from the account page. */
export const recoveryCodesPage = (codes: readonly string[], continueTo: string, setUp: boolean) => ({
  title: setUp ? 'Two-step verification is set up' : 'Your new recovery codes',
  codes,
  continueTo,
  setUp,
});

export interface TwoStepAccountInput {
  status: TwoStepStatus;
  required: boolean;
  fields?: readonly FieldError[];
}

/** The user's own two-step verification: whether it is set up, and making new recovery codes. */
export const twoStepAccountPage = ({ status, required, fields = [] }: TwoStepAccountInput) => ({
  title: 'Two-step verification',
  enrolled: status.enrolled,
  required,
  summaryRows: [
    { key: { text: 'Two-step verification' }, value: { text: status.enrolled ? 'Set up' : 'Not set up' } },
    ...(status.enrolledAt
      ? [
          { key: { text: 'Set up on' }, value: { text: formatLondon(status.enrolledAt, 'datetime') } },
          { key: { text: 'Recovery codes left' }, value: { text: String(status.recoveryCodesLeft) } },
        ]
      : []),
  ],
  ...formErrors(fields),
});

const OIDC_REFUSED: Record<OidcRefusal, { title: string; message: string }> = {
  'no-role': { title: 'Your account has no SaferPlan role', message: 'Your account has no SaferPlan role: ask your administrator.' },
  disabled: { title: 'Your account is disabled', message: 'Your SaferPlan account is disabled: ask your administrator.' },
  'not-a-user': {
    title: 'You do not have a SaferPlan account',
    message: 'Your council account is not linked to a SaferPlan account yet: ask your administrator.',
  },
  'provider-error': {
    title: 'You were not signed in',
    message: "Your council's sign-in service did not sign you in. Try again, or sign in with your email address and password.",
  },
  expired: {
    title: 'This sign-in has expired or was already used',
    message: 'Start signing in again with your council account.',
  },
  unreachable: {
    title: 'Sorry, signing in with your council account is not working',
    message: "Your council's sign-in service could not be reached. Try again later, or sign in with your email address and password.",
  },
  'invalid-response': {
    title: 'You were not signed in',
    message: "The answer from your council's sign-in service could not be checked. Start signing in again.",
  },
};

/** A sign-in with the council's account refused, and why in plain words. */
export const oidcRefusedPage = (reason: OidcRefusal) => OIDC_REFUSED[reason];
