import { describe, expect, it } from 'vitest';
import type { Answers } from '../../surveys/index.js';
import type { ChoiceColumn, ListColumn, NumberColumn, ResponseTable } from '../responseTable.js';
import { AnswerColumns } from './answerColumns.js';
import { decodeChunk, encodeChunk } from './chunkCodec.js';
import { tableLayout } from './layout.js';
import { EVERY_KIND, TWO_WARDS } from './testSurvey.js';

const layout = tableLayout(EVERY_KIND, TWO_WARDS);

const ANSWERS: [Answers, string][] = [
  [
    { ward: 'foleshill', lit: 'yes', grid_day: 'no', worries: ['drugs', 'asb', 'drugs'], priorities: ['cctv', 'lights'], years: 12, why: 'Dark' },
    'online',
  ],
  [{ ward: 'atlantis', lit: '', worries: ['bogus'], priorities: 'patrols', years: '7', why: '' }, 'carrier_pigeon'],
  [{ lit: 'dont_know', grid_dark: 'yes', worries: [], years: null }, ''],
  [{ ward: 'earlsdon', lit: 'no', worries: 'none' }, 'paper'],
];

function filled(rows = ANSWERS): AnswerColumns {
  const columns = new AnswerColumns(layout);
  for (const [answers, channel] of rows) columns.append(answers, channel);
  return columns;
}

const choice = (t: ResponseTable, code: string) => [...(t.byCode.get(code) as ChoiceColumn).codes];
const lists = (t: ResponseTable, code: string) => {
  const c = t.byCode.get(code) as ListColumn;
  return Array.from({ length: t.n }, (_, i) => [...c.items.subarray(c.starts[i], c.starts[i + 1])]);
};

describe('AnswerColumns', () => {
  it('encodes each answer as its option index, blank as -1 and an answer outside the options as -2', () => {
    const t = filled().table();
    expect(t.n).toBe(4);
    expect(choice(t, 'ward')).toEqual([1, -2, -1, 0]);
    expect(choice(t, 'lit')).toEqual([0, -1, 2, 1]);
    expect(choice(t, 'grid_day')).toEqual([1, -1, -1, -1]);
    expect(choice(t, 'grid_dark')).toEqual([-1, -1, 0, -1]);
  });

  it('keeps list answers as known options, each once, in the order given', () => {
    const t = filled().table();
    expect(lists(t, 'worries')).toEqual([[1, 0], [], [], [2]]);
    expect(lists(t, 'priorities')).toEqual([[2, 0], [1], [], []]);
  });

  it('keeps numbers (NaN when blank), whether text was answered, and channels with new ones appended', () => {
    const t = filled().table();
    expect([...(t.byCode.get('years') as NumberColumn).values]).toEqual([12, 7, Number.NaN, Number.NaN]);
    expect(t.byCode.get('why')).toMatchObject({ kind: 'answered', answered: new Uint8Array([1, 0, 0, 0]) });
    expect(t.channel.options.map((o) => o.value)).toEqual(['online', 'paper', 'email', 'phone', 'event', 'import', 'carrier_pigeon']);
    expect([...t.channel.codes]).toEqual([0, 6, -1, 1]);
  });

  it('hands out the same table until a row is appended, and earlier tables do not change', () => {
    const columns = filled();
    const before = columns.table();
    expect(columns.table()).toBe(before);
    columns.append({ lit: 'no' }, 'fax');
    const after = columns.table();
    expect(after).not.toBe(before);
    expect([before.n, after.n]).toEqual([4, 5]);
    expect(before.channel.options).toHaveLength(7);
    expect(after.channel.options.at(-1)).toEqual({ value: 'fax', label: 'fax' });
    expect(choice(after, 'lit')).toEqual([0, -1, 2, 1, 1]);
  });

  it('appends stored rows exactly as if their answers had been appended, mapping their channels', () => {
    const stored = decodeChunk(encodeChunk(filled().encoded(1, 4)));
    // A store that has met "fax" first numbers the channels differently from the one that wrote the chunk.
    const reader = filled([[{ lit: 'yes' }, 'fax'], ANSWERS[0]!]);
    reader.appendEncoded(stored);
    const direct = filled([[{ lit: 'yes' }, 'fax'], ANSWERS[0]!, ...ANSWERS.slice(1)]);
    expect(reader.table()).toEqual(direct.table());
    expect(
      reader
        .table()
        .channel.options.map((o) => o.value)
        .slice(6),
    ).toEqual(['fax', 'carrier_pigeon']);
  });
});

describe('tableLayout', () => {
  it('names the encoding by the definition and the wards', () => {
    const again = tableLayout(structuredClone(EVERY_KIND), [...TWO_WARDS]);
    expect(again.fingerprint).toBe(layout.fingerprint);
    expect(tableLayout(EVERY_KIND, TWO_WARDS.slice(0, 1)).fingerprint).not.toBe(layout.fingerprint);
    expect(tableLayout({ ...EVERY_KIND, title: 'Renamed' }, TWO_WARDS).fingerprint).not.toBe(layout.fingerprint);
    expect(layout.slots.map((s) => `${s.column.code}:${s.kind}:${s.options.length}`)).toEqual([
      'ward:choice:2',
      'lit:choice:3',
      'grid_day:choice:3',
      'grid_dark:choice:3',
      'worries:list:3',
      'priorities:list:3',
      'years:number:0',
      'why:answered:0',
    ]);
  });
});
