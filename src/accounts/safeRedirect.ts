/** Where to go when a requested redirect target is not a path on this site. */
export const DEFAULT_AFTER_SIGN_IN = '/staff';

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Whether the text is a path on this site: a single leading slash, no `//`, no backslash, no control character, no scheme. */
function isLocalPath(path: string): boolean {
  return path.startsWith('/') && !path.includes('//') && !path.includes('\\') && !CONTROL_CHARACTER.test(path) && !SCHEME.test(path);
}

/**
 * The redirect target if it is a path on this site, checked as given and once decoded (a browser or proxy may decode
 * `%0A` or `%2F`), otherwise the default. Anything else could send a signed-in user elsewhere or break the
 * Location header.
 */
export function safeRedirectPath(value: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  return isLocalPath(value) && isLocalPath(decoded) ? value : fallback;
}
