import { describe, expect, it } from 'vitest';
import { boundTextRuns, newRunState, Utf8Chunks } from './xmlText.js';

describe('boundTextRuns', () => {
  // A run counts every character after a '<', the tag's own included.
  it('passes XML whose runs fit through unchanged, across chunks', () => {
    const state = newRunState();
    expect(boundTextRuns('<t>abc', state, 7) + boundTextRuns('de</t>', state, 7)).toBe('<t>abcde</t>');
  });

  it('cuts a longer run, drops the rest until the next tag, and keeps entities whole', () => {
    const state = newRunState();
    expect(boundTextRuns('<t>abcdefgh</t><t>x</t>', state, 7)).toBe('<t>abcde</t><t>x</t>');
    expect(boundTextRuns('<t>ab&amp;cd</t>', newRunState(), 7)).toBe('<t>ab</t>');
  });

  it('keeps dropping a run that goes on over several chunks', () => {
    const state = newRunState();
    expect([boundTextRuns('<t>abcdef', state, 5), boundTextRuns('ghij', state, 5), boundTextRuns('kl</t>', state, 5)]).toEqual([
      '<t>abc',
      '',
      '</t>',
    ]);
  });
});

describe('Utf8Chunks', () => {
  it('decodes a character split between chunks and notes no problem', () => {
    const utf8 = new Utf8Chunks();
    const e = Buffer.from('é');
    expect(utf8.decode(e.subarray(0, 1)) + utf8.decode(e.subarray(1), true)).toBe('é');
    expect(utf8.invalid).toBe(false);
  });

  it('notes bytes that are not UTF-8', () => {
    const utf8 = new Utf8Chunks();
    expect(utf8.decode(Buffer.from([0x63, 0x61, 0x66, 0xe9]), true)).toBe('caf\uFFFD');
    expect(utf8.invalid).toBe(true);
  });
});
