import { describe, expect, it } from 'vitest';
import { accessibilityStatementSchema, defaultAccessibilityStatement } from './accessibility.js';
import { boxesFromDate, dateFromBoxes, isoDate, lines, longDate } from './fields.js';
import { defaultPrivacyNotice, privacyNoticeSchema } from './privacy.js';

describe('statement fields', () => {
  it('reads a GOV.UK date input’s boxes as YYYY-MM-DD, and back', () => {
    expect(dateFromBoxes('5', '2', '2026')).toBe('2026-02-05');
    expect(dateFromBoxes(' 05 ', '12', '2026')).toBe('2026-12-05');
    expect(dateFromBoxes('', '', '')).toBe('');
    expect(isoDate('the date').safeParse(dateFromBoxes('5', 'Feb', '2026')).success).toBe(false);
    expect(isoDate('the date').safeParse(dateFromBoxes('31', '2', '2026')).success).toBe(false);
    expect(isoDate('the date').safeParse('2024-02-29').success).toBe(true);
    expect(boxesFromDate('2026-02-05')).toEqual({ day: '5', month: '2', year: '2026' });
    expect(boxesFromDate(undefined)).toEqual({ day: '', month: '', year: '' });
    expect(longDate('2026-02-05')).toBe('5 February 2026');
  });

  it('reads a list typed one a line, dropping blank lines', () => {
    expect(lines(100).parse(' first \r\n\n second\n')).toEqual(['first', 'second']);
    expect(lines(100).parse(['kept'])).toEqual(['kept']);
  });

  it('gives defaults that pass their own checks, with the enforcement body by country', () => {
    const england = { name: 'Anytown CSP', areaCode: 'E07000001', createdAt: '2026-03-27T10:00:00.000Z' };
    const statement = defaultAccessibilityStatement(england);
    expect(accessibilityStatementSchema.parse(statement)).toEqual(statement);
    expect(statement).toMatchObject({ complianceStatus: 'partial', enforcementBody: 'ehrc', preparedOn: '2026-03-27', reviewedOn: '2026-03-27' });
    expect(defaultAccessibilityStatement({ ...england, areaCode: 'N09000003' }).enforcementBody).toBe('ecni');
    const notice = defaultPrivacyNotice(england);
    expect(privacyNoticeSchema.parse(notice)).toEqual(notice);
    expect(notice.controllerName).toBe('Anytown CSP');
  });
});
