import { describe, expect, it } from 'vitest';
import { storedItemText } from './itemText.js';

describe('storedItemText', () => {
  it('keeps one idea as one line, without hidden characters', () => {
    expect(storedItemText('  Lack of\n\tresources \u202Eacross partners  ')).toBe('Lack of resources across partners');
    expect(storedItemText('Easier reporting')).toBe('Easier reporting');
    expect(storedItemText(' \n ')).toBe('');
  });

  it("redacts personal data as residents' answers are, and keeps organisations and places", () => {
    expect(storedItemText('Ring Sarah Jones on 07700 900123 or sarah.jones@example.org about the youth club in Wyken')).toBe(
      'Ring [name] on [phone] or [email] about the youth club in Wyken',
    );
    expect(storedItemText('West Midlands Police and Coventry City Council to share data')).toBe(
      'West Midlands Police and Coventry City Council to share data',
    );
  });
});
