// Passwords as the NCSC advises: long enough, no composition rules, and not on a deny-list of common passwords and
// predictable patterns. The deny-list is zxcvbn-ts's: its common-password dictionary (from breach corpora) and its
// matchers for repeats, sequences, keyboard rows, dates and the user's own details.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { validationFailed } from '../platform/errors.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
const PRODUCT_NAMES = ['saferplan'];
/** zxcvbn's score 3: about 10^8 guesses or more, "safely unguessable" against an online attack. */
const LEAST_SCORE = 3;
/** Shorter parts of an email or name ("al", "bob") would refuse too many good passwords. */
const SHORTEST_PERSONAL_PART = 4;

export interface PasswordOwner {
  email: string;
  name?: string;
}

const PATTERN_MESSAGES: Record<string, string> = {
  simpleRepeat: 'Password must not be a character or group of characters repeated, like aaaaaaaaaaaa',
  extendedRepeat: 'Password must not be a character or group of characters repeated, like aaaaaaaaaaaa',
  sequences: 'Password must not be a sequence, like 123456789012 or abcdefghijkl',
  keyPattern: 'Password must not be a row or pattern of keys, like qwertyuiop',
  straightRow: 'Password must not be a row or pattern of keys, like qwertyuiop',
};
const COMMON = 'Password is a common password or too like one: choose one that other people are unlikely to use';
const GUESSABLE = 'Password is too easy to guess: three random words together work well';

let checker: Promise<ZxcvbnFactory> | undefined;
// Loaded and built on first use (about half a second), not by everything that imports the accounts capability.
const zxcvbn = () =>
  (checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([{ ZxcvbnFactory }, { dictionary, adjacencyGraphs }]) => new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }),
  ));

/** The owner's email, its parts and their name's parts, lower case, long enough to matter. */
function personalParts({ email, name = '' }: PasswordOwner): string[] {
  const lower = email.trim().toLowerCase();
  const parts = [lower, ...lower.split(/[@.+_-]/), name.trim().toLowerCase(), ...name.toLowerCase().split(/\s+/)];
  return [...new Set(parts.filter((p) => p.length >= SHORTEST_PERSONAL_PART))];
}

/** Why this password may not be used by this person, or undefined if it may. */
export async function passwordProblem(password: string, owner: PasswordOwner): Promise<string | undefined> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  if (PRODUCT_NAMES.some((n) => lower.includes(n))) return 'Password must not contain the name of this service';
  const personal = personalParts(owner);
  if (personal.some((p) => lower.includes(p))) return 'Password must not contain the email address or name of its user';
  const result = (await zxcvbn()).check(password, [...personal, ...PRODUCT_NAMES]);
  if (result.score >= LEAST_SCORE) return undefined;
  const warning = result.feedback.warning ?? '';
  return PATTERN_MESSAGES[warning] ?? (/common|top/i.test(warning) ? COMMON : GUESSABLE);
}

/** Throws the form error for a password this person may not use. */
export async function assertPasswordAllowed(password: string, owner: PasswordOwner, field = 'password'): Promise<void> {
  const problem = await passwordProblem(password, owner);
  if (problem) throw validationFailed([{ field, message: problem }]);
}
