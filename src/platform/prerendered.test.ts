import { describe, expect, it } from 'vitest';
import { collapseWhitespace, compilePage, fillSlots, freshPlaceholders, type Placeholders, PrerenderedPages } from './prerendered.js';

const slots: Placeholders = { csrf: '__csrf_slot__', nonce: '__nonce_slot__' };

describe('pre-rendered pages', () => {
  it('splice the token and nonce into every placeholder', () => {
    const t = compilePage(`<script nonce="${slots.nonce}"></script>\n  <input value="${slots.csrf}"><input value="${slots.csrf}">`, slots);
    expect(fillSlots(t, { csrf: 'T', nonce: 'N' })).toBe('<script nonce="N"></script> <input value="T"><input value="T">');
  });

  it('collapse whitespace between tags but leave a filled textarea alone', () => {
    expect(collapseWhitespace('<p>\n    <a>x</a>\n</p>')).toBe('<p> <a>x</a> </p>');
    const withText = '<textarea>line one\n\n  line two</textarea>\n  <p>';
    expect(collapseWhitespace(withText)).toBe(withText);
    expect(collapseWhitespace('<textarea></textarea>\n  <p>')).toBe('<textarea></textarea> <p>');
  });

  it('leave a label that contains placeholder text as it is (the review’s L9)', async () => {
    const label = 'Nonce: __saferplan_csp_nonce__ token: __saferplan_csrf_token__ __saferplan_nonce___';
    const pages = new PrerenderedPages();
    const html = await pages.render(
      'q',
      async (p) => `<script nonce="${p.nonce}"></script><label>${label}</label><input name="_csrf" value="${p.csrf}">`,
      { csrf: 'TOKEN', nonce: 'NONCE' },
    );
    expect(html).toBe(`<script nonce="NONCE"></script><label>${label}</label><input name="_csrf" value="TOKEN">`);
  });

  it('use fresh random placeholders for each render, so stored text cannot anticipate them', () => {
    const first = freshPlaceholders();
    const second = freshPlaceholders();
    expect(first.csrf).toMatch(/^__saferplan_csrf_[0-9a-f]{32}__$/);
    expect(first.nonce).toMatch(/^__saferplan_nonce_[0-9a-f]{32}__$/);
    expect(second.csrf).not.toBe(first.csrf);
  });
});
