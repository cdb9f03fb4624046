/** A consultation's open data files: the anonymised responses and the data dictionary, as CSV (openDataTable.ts). */
import type { Kysely } from 'kysely';
import type { Consultation } from '../consultations/index.js';
import { loadSurveyDefinition } from '../consultations/index.js';
import type { Database } from '../db/schema.js';
import { listWards, type Partnership } from '../partnerships/index.js';
import { csvLine } from '../platform/csvSafe.js';
import { eachResponse } from '../responses/index.js';
import { DICTIONARY_HEADER, type OpenData, openDataTable } from './openDataTable.js';

/** Open data exists once a consultation has closed. */
export const hasOpenData = (consultation: Pick<Consultation, 'status'>) =>
  consultation.status === 'closed' || consultation.status === 'analysed' || consultation.status === 'published';

export async function buildOpenData(db: Kysely<Database>, partnership: Partnership, consultation: Consultation): Promise<OpenData> {
  const definition = await loadSurveyDefinition(db, consultation, consultation.surveyVersion);
  const wards = await listWards(db, partnership.id);
  const responses = [];
  for await (const r of eachResponse(db, partnership.id, consultation.id)) responses.push({ id: r.id, answers: r.answers });
  return openDataTable({ definition, wards, responses, minimum: partnership.suppressionMinimum });
}

/** CSV text with a byte order mark (so Excel reads UTF-8), every cell through csvSafe. */
const csvOf = (header: readonly string[], rows: readonly (readonly unknown[])[]) => `\ufeff${csvLine(header)}${rows.map(csvLine).join('')}`;

export async function openDataCsv(db: Kysely<Database>, partnership: Partnership, consultation: Consultation): Promise<string> {
  const data = await buildOpenData(db, partnership, consultation);
  return csvOf(data.header, data.rows);
}

export async function openDataDictionaryCsv(db: Kysely<Database>, partnership: Partnership, consultation: Consultation): Promise<string> {
  const definition = await loadSurveyDefinition(db, consultation, consultation.surveyVersion);
  const wards = await listWards(db, partnership.id);
  const { dictionary } = openDataTable({ definition, wards, responses: [], minimum: partnership.suppressionMinimum });
  return csvOf(DICTIONARY_HEADER, dictionary);
}
