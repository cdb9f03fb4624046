import { describe, expect, it } from 'vitest';
import { storedItemText } from './itemText.js';

describe('storedItemText', () => {
  it('keeps one idea as one line, without hidden characters', () => {
    expect(storedItemText('  Lack of\n\tresources \u202Eacross partners  ')).toBe('Lack of resources across partners');
    expect(storedItemText('Easier reporting')).toBe('Easier reporting');
    expect(storedItemText(' \n ')).toBe('');
  });
});
