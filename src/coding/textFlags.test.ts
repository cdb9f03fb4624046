import { describe, expect, it } from 'vitest';
import { textFlags } from './textFlags.js';

describe('textFlags', () => {
  it('flags nothing in ordinary English comments', () => {
    expect(textFlags('More police patrols on the high street at night')).toEqual([]);
    expect(textFlags('Street lights broken')).toEqual([]);
    expect(textFlags('Café owners say the road is dangerous')).toEqual([]);
  });

  it('flags empty answers: nothing, spaces, punctuation', () => {
    expect(textFlags('')).toEqual(['empty']);
    expect(textFlags('   \n\t ')).toEqual(['empty']);
    expect(textFlags('...?!')).toEqual(['empty']);
    expect(textFlags('5')).toEqual([]);
  });

  it('flags answers over 5,000 characters, counting characters not UTF-16 units', () => {
    expect(textFlags('a'.repeat(5000))).toEqual([]);
    expect(textFlags('a'.repeat(5001))).toEqual(['enormous']);
    expect(textFlags('😀'.repeat(3000))).toEqual(['empty']);
  });

  it('flags text that is not valid: replacement characters, lone surrogates, control characters; anything not a string', () => {
    expect(textFlags('bad \uFFFD bytes in the road')).toEqual(['invalid_text']);
    expect(textFlags('half \uD83D a pair')).toEqual(['invalid_text']);
    expect(textFlags('a \uDC00 low surrogate')).toEqual(['invalid_text']);
    expect(textFlags('bell \u0007 here')).toEqual(['invalid_text']);
    expect(textFlags('line one\nline two\ttabbed\r\n')).toEqual([]);
    expect(textFlags(42)).toEqual(['invalid_text']);
    expect(textFlags(null)).toEqual(['invalid_text']);
  });

  it('flags answers likely not in English', () => {
    expect(textFlags('Más policía en el parque por la noche')).toEqual(['not_english']);
    expect(textFlags('Potrzebujemy więcej policji, nie jest bezpiecznie w nocy')).toEqual(['not_english']);
    expect(textFlags('Il faut plus de police dans les rues le soir')).toEqual(['not_english']);
    expect(textFlags('الشرطة في الشارع ليلا')).toEqual(['not_english']);
    // One foreign word in an English sentence is English.
    expect(textFlags('The police should patrol more, muy importante')).toEqual([]);
  });

  it('gives several flags at once', () => {
    expect(textFlags(`${'Más policía en el parque por la noche. '.repeat(200)}\uFFFD`)).toEqual(['enormous', 'invalid_text', 'not_english']);
  });
});
