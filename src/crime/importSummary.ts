/** What an import did, counted as it reads (docs/crime.md): printed by the CLI as JSON and shown in the browser. Pure. */
import type { PoliceUkKind } from './policeUk/formats.js';

export interface ImportProblem {
  file: string;
  /** The line in the file: the header is row 1. */
  row: number;
  column: string;
  message: string;
}

export interface ImportedFile {
  file: string;
  /** The police.uk layout, or `partner` for a partner's dataset read by its mapping. */
  kind: PoliceUkKind | 'partner';
  rowsRead: number;
  months: string[];
}

export interface CrimeImportSummary {
  importId: string;
  status: 'done' | 'failed';
  /** False when the partnership has no wards, LSOAs or boundaries yet: every row was kept and none placed. */
  areaSet: boolean;
  files: ImportedFile[];
  rowsRead: number;
  /** Rows stored: street crimes and ASB, outcomes, and stops and searches. */
  imported: number;
  /** Rows of the same force and month imported before, now replaced by these. */
  replaced: number;
  /** The force (or dataset) and month of each month imported before and replaced: "West Midlands Police 2011-02". */
  replacedMonths: string[];
  outside: number;
  notPlaced: number;
  rejected: number;
  /** The first 1,000 rejected rows with their reasons, and any problem with a whole file. */
  problems: ImportProblem[];
  message: string;
}

export const MAX_PROBLEMS = 1000;

export function emptySummary(importId: string, areaSet: boolean): CrimeImportSummary {
  return {
    importId,
    status: 'done',
    areaSet,
    files: [],
    rowsRead: 0,
    imported: 0,
    replaced: 0,
    replacedMonths: [],
    outside: 0,
    notPlaced: 0,
    rejected: 0,
    problems: [],
    message: '',
  };
}

/** One sentence for the person who ran it. */
export function summaryMessage(s: CrimeImportSummary): string {
  if (s.status === 'failed') return `Nothing was imported: ${s.problems[0]?.message ?? 'the import failed'}. The data is as it was.`;
  const parts = [
    `Read ${s.rowsRead.toLocaleString('en-GB')} rows from ${s.files.length} file${s.files.length === 1 ? '' : 's'}`,
    `imported ${s.imported.toLocaleString('en-GB')}`,
    s.replaced
      ? `replacing ${s.replaced.toLocaleString('en-GB')} imported before for the same force and months (${s.replacedMonths.slice(0, 12).join(', ')}${s.replacedMonths.length > 12 ? ', ...' : ''})`
      : '',
    s.outside ? `${s.outside.toLocaleString('en-GB')} outside the partnership’s area (not kept)` : '',
    s.notPlaced ? `${s.notPlaced.toLocaleString('en-GB')} with no location that could not be placed (not kept)` : '',
    s.rejected ? `${s.rejected.toLocaleString('en-GB')} rejected (see problems)` : '',
  ].filter(Boolean);
  const area = s.areaSet ? '' : ' The partnership’s area is not set (no wards, LSOAs or boundaries): every row was kept, none placed in a ward.';
  return `${parts.join('; ')}.${area}`;
}
