import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** fixtures/text/: real NHS Friends and Family Test answers coded by people (see its PROVENANCE.md). */
export const NHS_FEEDBACK = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/text/nhs_fft_patient_feedback_v6framework_230831.csv',
);

export interface CodedComment {
  id: string;
  text: string;
  themes: string[];
  /** 1 very positive ... 5 very negative; undefined when the coders gave none. */
  sentiment: number | undefined;
}

const NOT_THEMES = new Set([
  'Comment ID',
  'Trust',
  'Respondent ID',
  'Date',
  'Service type 1',
  'Service type 2',
  'FFT categorical answer',
  'FFT question',
  'FFT answer',
  'Person identifiable info?',
  'Comment sentiment',
]);

/** Every comment with text, its themes (the 50 one-hot columns) and its sentiment, in file order. */
export function readNhsFeedback(file = NHS_FEEDBACK): { themes: string[]; comments: CodedComment[] } {
  const rows = parse(fs.readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const themes = Object.keys(rows[0] ?? {}).filter((c) => !NOT_THEMES.has(c));
  const comments = rows
    .map((r) => ({
      id: r['Comment ID'] as string,
      text: (r['FFT answer'] ?? '').trim(),
      themes: themes.filter((t) => r[t]?.trim() === '1'),
      sentiment: r['Comment sentiment']?.trim() ? Number(r['Comment sentiment']) : undefined,
    }))
    .filter((c) => c.text.length > 0);
  return { themes, comments };
}
