import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.js';

describe('html', () => {
  it('escapes every interpolated value as Nunjucks does, and nothing written in the template', () => {
    expect(escapeHtml(`Tom & Jerry's "<b>"`)).toBe('Tom &amp; Jerry&#39;s &quot;&lt;b&gt;&quot;');
    expect(html`<a class="govuk-link" href="/c/${'a&b'}">${"Members' <survey>"}</a>${''}`).toBe(
      '<a class="govuk-link" href="/c/a&amp;b">Members&#39; &lt;survey&gt;</a>',
    );
  });
});
