import { describe, expect, it } from 'vitest';
import { dateFromForm, dateFromParts, dateParts } from './dateParts.js';

describe('GOV.UK date parts', () => {
  it('keeps what was typed in the date boxes so it can be shown again', () => {
    expect(dateFromParts('31', '2', '2024')).toBe('2024-02-31');
    expect(dateFromParts('x', '', '24')).toBe('24--x');
    expect(dateFromParts(' ', '', '')).toBe('');
    expect(dateParts('2024-02-31')).toEqual({ year: '2024', month: '02', day: '31' });
    expect(dateParts('24--x')).toEqual({ year: '24', month: '', day: 'x' });
    expect(dateParts(undefined)).toEqual({ year: '', month: undefined, day: undefined });
    expect(dateParts('2024-02')).toEqual({ year: '2024', month: '02', day: undefined });
  });

  it("reads a form's date input by its name, the first value of each box", () => {
    expect(dateFromForm({ 'opens-day': '7', 'opens-month': ['3', '4'], 'opens-year': ' 2027 ' }, 'opens')).toBe('2027-03-07');
    expect(dateFromForm({}, 'opens')).toBe('');
  });
});
