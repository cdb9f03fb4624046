import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLabelledSet, scoreRedactor } from './labelledSet.js';
import { redactText } from './redactText.js';

const redacted = (text: string) => redactText(text).text;

describe('redactText', () => {
  it.each([
    ['Email jo.bloggs@example.co.uk please', 'Email [email] please'],
    ['Call 07700 900123, (024) 7683 1234 or +44 (0)7700 900 456.', 'Call [phone], [phone] or [phone].'],
    ['Phone 07700900789 any time', 'Phone [phone] any time'],
    ['Ask Sue (07700 900123) or me', 'Ask [name] ([phone]) or me'],
    ['Call 101 or 999, or 01234 56.', 'Call 101 or 999, or 01234 56.'],
    ['I live at 14 Acacia Avenue, CV2 4DX.', 'I live at [address], CV2 4...'],
    ['My postcode cv56ab is noisy', 'My postcode CV5 6.. is noisy'],
    ['A car AB12 CDE, an old M123 ABC and ABC 123D.', 'A car [vehicle], an old [vehicle] and [vehicle].'],
    ['the flat at 23 mill street is noisy', 'the flat at [address] is noisy'],
    ['Flat 2, 45 Far Gosford Street', '[address]'],
    ['5 minutes down the road there is a park.', '5 minutes down the road there is a park.'],
    ['3 big green bins on Binley Road', '3 big green bins on Binley Road'],
    ['I told Dave Smith next door.', 'I told [name] next door.'],
    ['Rose said the lights are out.', '[name] said the lights are out.'],
    ['The rose bushes were trampled.', 'The rose bushes were trampled.'],
    ['Will the police do anything?', 'Will the police do anything?'],
    ['Hope things get better.', 'Hope things get better.'],
    ['Mark my words.', 'Mark my words.'],
    ['My neighbour Bill parks badly.', 'My neighbour [name] parks badly.'],
    ['my neighbour dave is lovely', 'my neighbour [name] is lovely'],
    ['Mr Patel and PC Davies came.', 'Mr [name] and PC [name] came.'],
    ["Sarah's boy and Jack throw stones.", "[name]'s boy and [name] throw stones."],
    ["Henley ward, Radford Road and St Michael's are fine.", "Henley ward, Radford Road and St Michael's are fine."],
    ['West Midlands Police and Coventry City Council never came.', 'West Midlands Police and Coventry City Council never came.'],
    ['King Henry VIII School is near.', 'King Henry VIII School is near.'],
    ['April is when the bikes come back.', 'April is when the bikes come back.'],
  ])('%s', (text, expected) => {
    expect(redacted(text)).toBe(expected);
  });

  it('says what it found, by kind, in a fixed order', () => {
    expect(redactText('Dave (07700 900123) saw AB12 CDE at 7 Dane Road, CV2 4DX; ask Sue Smith or rob@example.com').found).toEqual([
      { kind: 'name', count: 2 },
      { kind: 'email', count: 1 },
      { kind: 'phone', count: 1 },
      { kind: 'postcode', count: 1 },
      { kind: 'address', count: 1 },
      { kind: 'vehicle', count: 1 },
    ]);
  });

  it('gives empty and clean text back as it was', () => {
    expect(redactText('')).toEqual({ text: '', found: [] });
    expect(redactText('   ')).toEqual({ text: '   ', found: [] });
    expect(redactText('Better street lighting please')).toEqual({ text: 'Better street lighting please', found: [] });
  });

  it('meets its targets on the tuning set', () => {
    const score = scoreRedactor(parseLabelledSet(fs.readFileSync(new URL('./labelled/tuning.txt', import.meta.url), 'utf8')));
    expect(score.misses).toEqual([]);
    expect(score.falsePositives).toEqual([]);
    expect(score.cleanUnchanged).toBe(score.clean);
  });
});

describe('parseLabelledSet', () => {
  it('reads marks, skipping comments and blank lines', () => {
    expect(parseLabelledSet('# comment\n\nAsk {name|Sue} on {phone|07700 900123}.\nClean.')).toEqual([
      {
        text: 'Ask Sue on 07700 900123.',
        marks: [
          { start: 4, end: 7, kind: 'name' },
          { start: 11, end: 23, kind: 'phone' },
        ],
      },
      { text: 'Clean.', marks: [] },
    ]);
  });
  it('refuses an unknown kind', () => {
    expect(() => parseLabelledSet('{nmae|Sue}')).toThrow('Unknown kind "nmae"');
  });
});
