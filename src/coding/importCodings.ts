import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Consultation } from '../consultations/index.js';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../platform/recordAudit.js';
import { seedCodebookIn } from './openCodebook.js';
import { listThemes } from './queries/listThemes.js';
import { textAnswers, textQuestions } from './queries/textAnswers.js';
import { audit } from './saveTheme.js';
import { themeCodeOf, unitRow } from './units.js';

export const IMPORT_COLUMNS = ['reference', 'question', 'theme'] as const;
/** Columns an export adds, accepted and ignored on import, so an exported file can be imported again. */
const IGNORED_COLUMNS = ['coded_by', 'coded_at'];
export const IMPORT_ROW_LIMIT = 200_000;

export interface ImportProblem {
  /** The file's line, the header being row 1. */
  row: number;
  column: string;
  message: string;
}

export type ImportCodingsResult =
  | { ok: true; rows: number; added: number; alreadyCoded: number; themesAdded: string[] }
  | { ok: false; problems: ImportProblem[] };

/**
 * Codings made elsewhere, one a row (reference, question, theme), added to the consultation's primary coding: all or
 * nothing. A theme is matched by code, then by name (case ignored); one the codebook lacks is added. A reference that is
 * not one of the consultation's counted responses, a question that is not one of its free-text questions, or a response
 * with no answer to that question is a problem named by row and column, and nothing is stored.
 */
export async function importCodings({
  db,
  actor,
  consultation,
  csv,
}: {
  db: Kysely<Database>;
  actor: Actor;
  consultation: Consultation;
  csv: string;
}): Promise<ImportCodingsResult> {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (err) {
    return {
      ok: false,
      problems: [
        { row: Number((err as { lines?: number }).lines ?? 1), column: '', message: `The file is not valid CSV: ${(err as Error).message}` },
      ],
    };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h) && !IGNORED_COLUMNS.includes(h));
  if (missing.length || unknown.length)
    return {
      ok: false,
      problems: [
        {
          row: 1,
          column: missing[0] ?? unknown[0] ?? '',
          message: `The header must be reference,question,theme${missing.length ? ` (missing: ${missing.join(', ')})` : ''}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
        },
      ],
    };
  if (records.length - 1 > IMPORT_ROW_LIMIT)
    return {
      ok: false,
      problems: [{ row: IMPORT_ROW_LIMIT + 2, column: '', message: `A file may hold at most ${IMPORT_ROW_LIMIT.toLocaleString('en-GB')} rows` }],
    };
  const col = (name: string) => header.indexOf(name);

  const questions = await textQuestions(db, consultation);
  const answers = await textAnswers(db, consultation, questions);
  const answerOf = new Map(answers.map((a) => [`${a.reference.toLowerCase()}|${a.questionCode}`, a]));
  const references = new Set(answers.map((a) => a.reference.toLowerCase()));
  // Every stored response, to say why one that is not counted cannot be coded.
  const stored = new Map(
    (
      await db
        .selectFrom('responses')
        .leftJoin('imports', (j) =>
          j.onRef('imports.partnership_id', '=', 'responses.partnership_id').onRef('imports.id', '=', 'responses.import_id'),
        )
        .select(['responses.reference', 'responses.withdrawn_at', 'imports.state'])
        .where('responses.partnership_id', '=', consultation.partnershipId)
        .where('responses.consultation_id', '=', consultation.id)
        .execute()
    ).map((r) => [r.reference.toLowerCase(), r.withdrawn_at ? 'is withdrawn' : r.state === 'staging' ? 'is still being imported' : null]),
  );
  const problems: ImportProblem[] = [];
  const wanted: { row: number; answer: (typeof answers)[number]; theme: string }[] = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    const reference = record[col('reference')] ?? '';
    const question = record[col('question')] ?? '';
    const theme = record[col('theme')] ?? '';
    const before = problems.length;
    if (!reference) problems.push({ row, column: 'reference', message: 'Enter the response reference' });
    else if (!references.has(reference.toLowerCase()) && !stored.has(reference.toLowerCase()))
      problems.push({ row, column: 'reference', message: `No response of this consultation has the reference ${reference}` });
    if (!questions.some((q) => q.code === question))
      problems.push({
        row,
        column: 'question',
        message: question ? `${question} is not a free-text question of this survey` : 'Enter the question code',
      });
    if (!theme) problems.push({ row, column: 'theme', message: 'Enter the theme' });
    else if (theme.length > 120) problems.push({ row, column: 'theme', message: 'The theme must be 120 characters or fewer' });
    if (problems.length > before) return;
    const answer = answerOf.get(`${reference.toLowerCase()}|${question}`);
    if (!answer) {
      const why = stored.get(reference.toLowerCase()) ?? `has no answer to ${question}`;
      problems.push({ row, column: 'reference', message: `Response ${reference} ${why}` });
      return;
    }
    wanted.push({ row, answer, theme });
  });
  if (problems.length) return { ok: false, problems };

  return db.transaction().execute(async (trx) => {
    await seedCodebookIn(trx, actor, { partnershipId: consultation.partnershipId, consultationId: consultation.id });
    const themes = await listThemes(trx, consultation.partnershipId, consultation.id);
    const byKey = new Map<string, string>();
    for (const t of themes) {
      byKey.set(t.name.toLowerCase(), t.id);
      byKey.set(t.code, t.id);
    }
    const at = nowIso();
    const themesAdded: string[] = [];
    let position = Math.max(-1, ...themes.map((t) => t.position)) + 1;
    for (const w of wanted) {
      if (byKey.has(w.theme) || byKey.has(w.theme.toLowerCase())) continue;
      const code = themeCodeOf(w.theme);
      const id = byKey.get(code) ?? newId();
      if (!byKey.has(code)) {
        const name = w.theme === code ? w.theme.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()) : w.theme;
        await trx
          .insertInto('codebook_themes')
          .values({
            partnership_id: consultation.partnershipId,
            id,
            consultation_id: consultation.id,
            code,
            name,
            description: 'Added by an import of codings.',
            parent_id: null,
            position: position++,
            origin: 'import',
            created_at: at,
          })
          .execute();
        themesAdded.push(code);
        byKey.set(code, id);
      }
      byKey.set(w.theme.toLowerCase(), id);
    }
    const existing = await trx
      .selectFrom('codings')
      .select(['unit_key', 'theme_id'])
      .where('partnership_id', '=', consultation.partnershipId)
      .where('consultation_id', '=', consultation.id)
      .where('pass', '=', 'primary')
      .execute();
    const have = new Set(existing.map((c) => `${c.unit_key}|${c.theme_id}`));
    const units = new Map<string, ReturnType<typeof unitRow>>();
    const codings: Database['codings'][] = [];
    for (const w of wanted) {
      const themeId = byKey.get(w.theme) ?? byKey.get(w.theme.toLowerCase()) ?? '';
      const key = `${w.answer.unitKey}|${themeId}`;
      if (have.has(key)) continue;
      have.add(key);
      units.set(w.answer.unitKey, unitRow(consultation.partnershipId, consultation.id, w.answer, at));
      codings.push({
        partnership_id: consultation.partnershipId,
        consultation_id: consultation.id,
        unit_key: w.answer.unitKey,
        pass: 'primary',
        theme_id: themeId,
        source: 'import',
        coded_by_id: actor.id,
        coded_by: actor.label,
        coded_at: at,
      });
    }
    const rows = [...units.values()];
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('coding_units')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['partnership_id', 'consultation_id', 'unit_key']).doNothing())
        .execute();
    for (let i = 0; i < codings.length; i += 500)
      await trx
        .insertInto('codings')
        .values(codings.slice(i, i + 500))
        .execute();
    const result = { rows: wanted.length, added: codings.length, alreadyCoded: wanted.length - codings.length, themesAdded };
    await audit(trx, actor, 'coding.import', consultation.partnershipId, consultation.id, result);
    return { ok: true as const, ...result };
  });
}
