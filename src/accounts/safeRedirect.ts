/** Where to go when a requested redirect target is not a path on this site. */
export const DEFAULT_AFTER_SIGN_IN = '/staff';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Whether the text is a path on this site: a single leading slash, no `//`, no backslash, no control character, no scheme. */
function isLocalPath(path: string): boolean {
  return path.startsWith('/') && !path.includes('//') && !path.includes('\\') && !hasControlCharacter(path) && !SCHEME.test(path);
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
