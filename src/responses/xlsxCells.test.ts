import { expect, it } from 'vitest';
import { cellText, columnIndex, columnLetters } from './xlsxCells.js';

it('turns cell references into columns and back', () => {
  expect(['A1', 'Z9', 'AA10', 'AB2', 'XFD1'].map(columnIndex)).toEqual([0, 25, 26, 27, 16383]);
  expect([0, 25, 26, 27, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'XFD']);
});

it('gives each kind of cell its text', () => {
  expect(cellText(undefined, '42')).toBe('42');
  expect(cellText('n', '0.10000000000000001')).toBe('0.1');
  expect(cellText('b', '1')).toBe('true');
  expect(cellText('b', '0')).toBe('false');
  expect(cellText('d', '2024-07-15T10:00:00Z')).toBe('2024-07-15');
  expect(cellText('str', ' formula text ')).toBe(' formula text ');
  expect(cellText('inlineStr', 'abc')).toBe('abc');
});
