import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { redactUrl, requestIdOf } from './requestLog.js';

const withHeader = (value: string | undefined) => ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;

describe('request log', () => {
  it('takes out the secret of reset, invitation and voting links and of token, code and _csrf parameters', () => {
    expect(redactUrl('/reset-password/abcDEF123')).toBe('/reset-password/[redacted]');
    expect(redactUrl('/p/coventry/crime-survey/invitation/tok_123?x=1')).toBe('/p/coventry/crime-survey/invitation/[redacted]?x=1');
    expect(redactUrl('/w/VOTE-TOKEN')).toBe('/w/[redacted]');
    expect(redactUrl('/staff/consultations/1/import?_csrf=secret&step=2')).toBe('/staff/consultations/1/import?_csrf=[redacted]&step=2');
    expect(redactUrl('/callback?code=xyz&state=s')).toBe('/callback?code=[redacted]&state=s');
    expect(redactUrl('/staff/w/not-a-vote')).toBe('/staff/w/not-a-vote');
    expect(redactUrl('/staff/partnerships/p1/subject-access/export.json?email=ann%40example.org')).toBe(
      '/staff/partnerships/p1/subject-access/export.json?email=[redacted]',
    );
    expect(redactUrl('/staff/partnerships/p1/subject-access?q=Ann+Smith&page=2')).toBe('/staff/partnerships/p1/subject-access?q=[redacted]&page=2');
  });

  it("keeps a proxy's plain request id and replaces a missing or forged one with a fresh UUID", () => {
    expect(requestIdOf(withHeader('req-42.a:b'))).toBe('req-42.a:b');
    for (const bad of [undefined, '', 'two words', 'line\nbreak', 'x'.repeat(101)]) {
      expect(requestIdOf(withHeader(bad))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
