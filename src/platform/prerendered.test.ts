import { describe, expect, it } from 'vitest';
import { CSRF_PLACEHOLDER, collapseWhitespace, compilePage, fillSlots, NONCE_PLACEHOLDER } from './prerendered.js';

describe('pre-rendered pages', () => {
  it('splice the token and nonce into every placeholder', () => {
    const t = compilePage(`<script nonce="${NONCE_PLACEHOLDER}"></script>\n  <input value="${CSRF_PLACEHOLDER}"><input value="${CSRF_PLACEHOLDER}">`);
    expect(fillSlots(t, { csrf: 'T', nonce: 'N' })).toBe('<script nonce="N"></script> <input value="T"><input value="T">');
  });

  it('collapse whitespace between tags but leave a filled textarea alone', () => {
    expect(collapseWhitespace('<p>\n    <a>x</a>\n</p>')).toBe('<p> <a>x</a> </p>');
    const withText = '<textarea>line one\n\n  line two</textarea>\n  <p>';
    expect(collapseWhitespace(withText)).toBe(withText);
    expect(collapseWhitespace('<textarea></textarea>\n  <p>')).toBe('<textarea></textarea> <p>');
  });
});
