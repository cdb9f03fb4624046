import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { jsonDepth, MAX_JSON_DEPTH, parseJsonBody } from './jsonBody.js';

const refusal = (text: string) => {
  try {
    parseJsonBody(text);
  } catch (err) {
    return err instanceof AppError ? { status: err.status, message: err.message } : err;
  }
  return 'accepted';
};

describe('jsonDepth', () => {
  it('counts nested arrays and objects, not brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('["[[[{{{", "\\"[[["]')).toBe(1);
    expect(jsonDepth('[[],[],[[]]]')).toBe(3);
  });
});

describe('parseJsonBody', () => {
  it('parses ordinary JSON', () => {
    expect(parseJsonBody('{"ward":"earlsdon","concerns":["asb"]}')).toEqual({ ward: 'earlsdon', concerns: ['asb'] });
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses one more with a message naming the limit`, () => {
    const nested = (levels: number) => `${'['.repeat(levels)}"x"${']'.repeat(levels)}`;
    expect(jsonDepth(nested(MAX_JSON_DEPTH))).toBe(64);
    expect(refusal(nested(64))).toBe('accepted');
    expect(refusal(nested(65))).toEqual({ status: 400, message: 'The body nests arrays or objects more than 64 levels deep' });
    expect(refusal(`{"feel_safer":${nested(5000)}}`)).toEqual({ status: 400, message: 'The body nests arrays or objects more than 64 levels deep' });
  });

  it('names a forbidden key truthfully, wherever it is and however it is spelt', () => {
    expect(refusal('{"__proto__":{"admin":true}}')).toEqual({ status: 400, message: 'The body contains a forbidden key __proto__' });
    expect(refusal('{"a":[{"\\u005f_proto__":1}]}')).toEqual({ status: 400, message: 'The body contains a forbidden key __proto__' });
    expect(refusal('{"constructor":{"prototype":{"x":1}}}')).toEqual({
      status: 400,
      message: 'The body contains a forbidden key constructor.prototype',
    });
    expect(parseJsonBody('{"constructor":"a word","prototype":"another"}')).toEqual({ constructor: 'a word', prototype: 'another' });
  });

  it('says what is wrong with malformed or empty JSON', () => {
    expect(refusal('')).toEqual({ status: 400, message: 'The body is empty; send a JSON value' });
    expect(refusal('{"a":')).toEqual({ status: 400, message: expect.stringMatching(/^The body is not valid JSON: /) });
  });
});

describe('parseJsonBody with escapes', () => {
  it('finds a forbidden key spelt with \\u escapes anywhere in it', () => {
    expect(refusal('{"\\u005f\\u005fproto\\u005f\\u005f":{}}')).toEqual({ status: 400, message: 'The body contains a forbidden key __proto__' });
    expect(refusal('{"\\u0063onstructor":{"prototyp\\u0065":{}}}')).toEqual({
      status: 400,
      message: 'The body contains a forbidden key constructor.prototype',
    });
  });
});
