/**
 * fast-check arbitraries shared by the property tests (`*.property.test.ts`): hostile text for any importer, and valid
 * raw answers for a survey definition with the clean answers they must give.
 */
import fc from 'fast-check';
import { type Column, columnsFor } from '../src/surveys/columns.js';
import type { Answers, AnswerValue, SurveyDefinition, SurveyOption } from '../src/surveys/definition.js';
import type { Ward } from '../src/surveys/index.js';

/** Text meant to trip a reader: formula-looking cells, NUL, BOMs, line ends of every kind, quotes, prototype keys. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://x","y")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\u0000',
  'a\u0000b',
  '\uFEFF',
  '\uFEFFward',
  '\r',
  '\n',
  '\r\n',
  'a\rb\nc\r\nd',
  '"',
  '""',
  '"a"b',
  ',',
  ';',
  ';;',
  '\t',
  '\u2028',
  '\uD800',
  '\uDFFF',
  'é',
  'e\u0301',
  '👩‍👩‍👧',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '1e400',
  '-0',
  '0x10',
  '<script>alert(1)</script>',
  '&amp;',
  ']]>',
  'null',
  'undefined',
] as const;

/** Any text: every unicode code point (lone surrogates too), the nasty strings, and mixes of both. */
export const hostileText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: fc.constantFrom(...NASTY_STRINGS, 'a', 'Z', '0', ' '), maxLength: Math.ceil(maxLength / 2) }),
  );

/** Text as a person types it into a cell: printable, any script, no control characters; may be empty. */
export const cellText = (maxLength = 30): fc.Arbitrary<string> => fc.string({ unit: 'grapheme', maxLength }).filter((s) => !CONTROL.test(s));
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is left out.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\uFEFF]/;

/** Whether text has no lone surrogate (String.prototype.isWellFormed, which Node 20's TypeScript lib lacks). */
export const wellFormed = (s: string) => !/\p{Cs}/u.test(s);

/** Raw value and the clean value validateAnswers must turn it into (undefined: the column is hidden). */
export interface ValidAnswers {
  raw: Record<string, unknown>;
  expected: Answers;
}

const spaced = (s: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', ' ', '  '), s, fc.constantFrom('', ' ', '\t')).map(([a, b, c]) => `${a}${b}${c}`);
const anyCase = (s: string) => fc.constantFrom(s, s.toUpperCase(), s.toLowerCase());

const optionText = (o: SurveyOption) => fc.oneof(anyCase(o.value), anyCase(o.label)).chain((s) => spaced(fc.constant(s)));

/** Real postcodes, each with the sector stored for it. */
export const POSTCODES: readonly [string, string][] = [
  ['CV1 2GN', 'CV1 2'],
  ['CV5 6AB', 'CV5 6'],
  ['SW1A 1AA', 'SW1A 1'],
  ['M1 1AE', 'M1 1'],
  ['B33 8TH', 'B33 8'],
  ['EC1A 1BB', 'EC1A 1'],
  ['DN55 1PT', 'DN55 1'],
  ['CR2 6XH', 'CR2 6'],
  ['W1A 0AX', 'W1A 0'],
];

const blank = fc.constantFrom<unknown>(undefined, null, '', '  ', [], ['', ' ']);

const asList = (items: string[]) =>
  items.length === 0
    ? blank
    : fc.oneof(
        fc.constant<unknown>(items),
        fc.constantFrom('; ', ';', ' ;').map((sep) => items.join(sep)),
      );

/** One column's raw value and clean value: an answer it accepts (or a blank, unless answered is set). */
function columnAnswer(column: Column, wards: readonly Ward[], answered: boolean): fc.Arbitrary<[unknown, AnswerValue]> {
  const q = column.question;
  const orBlank = (value: fc.Arbitrary<[unknown, AnswerValue]>) =>
    answered ? value : fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: blank.map((b): [unknown, AnswerValue] => [b, null]) });
  switch (q.type) {
    case 'single_choice':
    case 'rating_grid':
      return orBlank(fc.constantFrom(...q.options).chain((o) => optionText(o).map((t): [unknown, AnswerValue] => [t, o.value])));
    case 'multiple_choice': {
      const max = q.maxChoices ?? q.options.length;
      return orBlank(
        fc
          .shuffledSubarray([...q.options], { minLength: 1, maxLength: max })
          .chain((chosen) =>
            fc
              .tuple(fc.tuple(...chosen.map(optionText)), fc.boolean())
              .chain(([texts, repeat]) =>
                asList(repeat ? [...texts, ...texts] : texts).map((raw): [unknown, AnswerValue] => [
                  raw,
                  q.options.filter((o) => chosen.includes(o)).map((o) => o.value),
                ]),
              ),
          ),
      );
    }
    case 'ranking':
      return orBlank(
        fc
          .shuffledSubarray([...q.options], { minLength: 1, maxLength: q.rankTop })
          .chain((chosen) =>
            fc
              .tuple(...chosen.map(optionText))
              .chain((texts) => asList(texts).map((raw): [unknown, AnswerValue] => [raw, chosen.map((o) => o.value)])),
          ),
      );
    case 'short_text':
    case 'long_text':
      return orBlank(
        fc
          .tuple(fc.string({ unit: 'binary', maxLength: Math.min(q.maxLength, 200) - 1 }), fc.constantFrom('\r\n', '\r', '\n', ' '))
          .map(([s, end]) => `x${s}${end}`.slice(0, q.maxLength))
          .map((raw): [unknown, AnswerValue] => [raw, raw.trim().replace(/\r\n?/g, '\n')]),
      );
    case 'number': {
      const min = q.min ?? -1e6;
      const max = q.max ?? 1e6;
      const value = q.integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((n) => n / 100);
      return orBlank(value.chain((n) => fc.oneof(spaced(fc.constant(String(n))), fc.constant(n)).map((raw): [unknown, AnswerValue] => [raw, n])));
    }
    case 'postcode':
      return orBlank(
        fc
          .constantFrom(...POSTCODES)
          .chain(([full, sector]) =>
            fc
              .constantFrom(full, full.toLowerCase(), full.replace(' ', ''), ` ${full.replace(' ', '  ')} `, sector)
              .map((raw): [unknown, AnswerValue] => [raw, sector]),
          ),
      );
    case 'ward':
      return orBlank(
        fc.constantFrom(...wards).chain((w) =>
          fc
            .oneof(anyCase(w.code), anyCase(w.name))
            .chain((t) => spaced(fc.constant(t)))
            .map((raw): [unknown, AnswerValue] => [raw, w.code]),
        ),
      );
    case 'date':
      return orBlank(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).chain((d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-') as [string, string, string];
          return fc
            .constantFrom(iso, `${day}/${m}/${y}`, `${Number(day)}/${Number(m)}/${y}`, ` ${iso} `)
            .map((raw): [unknown, AnswerValue] => [raw, iso]);
        }),
      );
  }
}

/**
 * Raw answers a survey accepts, and the clean answers it must store: every shown column (its value, or null when
 * blank), hidden columns absent. With `online`, every required question is answered (a person must answer it).
 */
export function validAnswers(definition: SurveyDefinition, wards: readonly Ward[], online = false): fc.Arbitrary<ValidAnswers> {
  const columns = columnsFor(definition);
  return fc.tuple(...columns.map((c) => columnAnswer(c, wards, online && c.question.required))).map((pairs) => {
    const raw: Record<string, unknown> = {};
    const expected: Answers = {};
    for (const [i, column] of columns.entries()) {
      const [value, clean] = pairs[i] as [unknown, AnswerValue];
      if (value !== undefined) raw[column.code] = value;
      const showIf = column.question.showIf;
      if (showIf) {
        const controlling = expected[showIf.question];
        const given = controlling === undefined || controlling === null ? [] : Array.isArray(controlling) ? controlling : [String(controlling)];
        if (!given.some((v) => showIf.anyOf.includes(v))) continue;
      }
      expected[column.code] = clean;
    }
    return { raw, expected };
  });
}

/** A police.uk month, YYYY-MM. */
export const month = fc
  .tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
/** A point in the United Kingdom, to 6 decimal places as police.uk publishes it, or none. */
export const point = fc.option(
  fc.tuple(fc.integer({ min: -8_700_000, max: 1_800_000 }), fc.integer({ min: 49_800_000, max: 60_900_000 })).map(([lon, lat]) => ({
    longitude: lon / 1e6,
    latitude: lat / 1e6,
  })),
  { nil: null },
);
export const lsoaCode = fc.option(
  fc.tuple(fc.constantFrom('E', 'W'), fc.integer({ min: 0, max: 999_999 })).map(([c, d]) => `${c}01${String(d).padStart(6, '0')}`),
  {
    nil: null,
  },
);
/** Text a police.uk cell holds: anything but NUL (a damaged file), as read (cells are trimmed). */
export const text = hostileText(30)
  .map((s) => s.trim())
  .filter((s) => !s.includes('\u0000'));
export const filled = text.filter((s) => s !== '');
