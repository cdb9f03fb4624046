/** Request bodies as JSON, refusing what would hurt the code that reads them, each with a message that says why. */
import { AppError } from './errors.js';

/** Far deeper than any answer or survey definition (about 6 levels); code walking the value recursively stays safe. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text, counted without parsing (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const badJson = (message: string) => new AppError('bad_request', 400, message);

/** Keys that would change an object's prototype once the value is copied with Object.assign or merged. */
function refuseForbiddenKeys(key: string, value: unknown): unknown {
  if (key === '__proto__') throw badJson('The body contains a forbidden key __proto__');
  if (key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype'))
    throw badJson('The body contains a forbidden key constructor.prototype');
  return value;
}

export function parseJsonBody(text: string): unknown {
  if (text.length === 0) throw badJson('The body is empty; send a JSON value');
  // Only text this long can nest deeper than the limit: short bodies skip the scan.
  if (text.length > MAX_JSON_DEPTH * 2 && jsonDepth(text) > MAX_JSON_DEPTH)
    throw badJson(`The body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`);
  try {
    // Such a key is spelt out or \u-escaped in the text: a body with neither skips the slower reviver pass.
    const mayHoldForbiddenKey = text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
    return mayHoldForbiddenKey ? JSON.parse(text, refuseForbiddenKeys) : JSON.parse(text);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badJson(`The body is not valid JSON: ${(err as Error).message}`);
  }
}
