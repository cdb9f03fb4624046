import { describe, expect, it } from 'vitest';
import { readBallot } from './votes.js';

describe('readBallot', () => {
  it('takes dots spread or stacked, up to the allowance', () => {
    expect(readBallot({ 'dots-a': '1', 'dots-b': '2', 'dots-c': '0' }, ['a', 'b', 'c'], 3)).toEqual({ ok: true, ballot: { dots: { a: 1, b: 2 } } });
    expect(readBallot({ 'dots-a': '3' }, ['a', 'b'], 3)).toEqual({ ok: true, ballot: { dots: { a: 3 } } });
    expect(readBallot({}, ['a'], 3)).toEqual({ ok: true, ballot: { dots: {} } });
  });

  it('refuses more dots than allowed, and anything that is not a whole number', () => {
    expect(readBallot({ 'dots-a': '2', 'dots-b': '2' }, ['a', 'b'], 3)).toEqual({
      ok: false,
      field: 'dots-a',
      message: 'You have 3 dots: you placed 4. Take some off and try again',
    });
    expect(readBallot({ 'dots-b': '1.5' }, ['a', 'b'], 3)).toEqual({
      ok: false,
      field: 'dots-b',
      message: 'Give each priority a whole number of dots from 0 to 3',
    });
    expect(readBallot({ 'dots-a': '-1' }, ['a'], 3)).toEqual({
      ok: false,
      field: 'dots-a',
      message: 'Give each priority a whole number of dots from 0 to 3',
    });
  });
});
