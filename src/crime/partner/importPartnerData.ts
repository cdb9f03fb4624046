/**
 * Imports a partner's file (fly-tipping reports, deliberate fires, ambulance call-outs, ASB cases) by its dataset's
 * saved mapping (docs/crime.md): each row's date, category and place read (readPartnerRow.ts) and placed in the
 * partnership's area by its point, LSOA, postcode or ward; stored beside police.uk's records under the dataset's name,
 * so they count in the tables, maps and matrix. Importing the dataset's months again replaces them. A header without
 * the mapped columns changes nothing; bad rows are named and the rest imported.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { newId } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { areaData } from '../importCrime.js';
import { type CrimeImportSummary, emptySummary, MAX_PROBLEMS, summaryMessage } from '../importSummary.js';
import type { Placement } from '../placement.js';
import { discardRows, finishImport, insertRows, replaceMonths, startImport } from '../queries/crimeImportRows.js';
import { listDatasets, placeLookups } from '../queries/partnerDatasets.js';
import { placerOf, type RowOf } from '../reading/readCrimeRows.js';
import { columnIndexes } from './mapping.js';
import { type PartnerRow, readPartnerRow } from './readPartnerRow.js';

const MAX_BYTES = 100 * 1_048_576;

export class UnknownDataset extends Error {}

export async function importPartnerData(o: {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  dataset: string;
  file: string;
  label?: string;
  /** The import's id, when the caller needs it before the import ends (an upload's progress page). */
  importId?: string;
}): Promise<CrimeImportSummary> {
  const dataset = (await listDatasets(o.db, o.partnershipId)).find((d) => d.name === o.dataset);
  if (!dataset) throw new UnknownDataset(`No dataset "${o.dataset}": save its mapping first with saferplan crime dataset set`);
  const name = o.label ?? o.file;
  const area = await areaData(o.db, o.partnershipId);
  const placer = placerOf(area);
  const lookups = await placeLookups(o.db, o.partnershipId);
  const importId = o.importId ?? newId();
  const summary = emptySummary(importId, areaSetFor(placer, lookups));
  await startImport(o.db, { id: importId, partnershipId: o.partnershipId, startedBy: o.actor.label, files: [name] });
  const fail = async (message: string, row = 0) => {
    await discardRows(o.db, importId);
    summary.status = 'failed';
    summary.imported = 0;
    summary.problems.unshift({ file: name, row, column: '', message: `${name}${row ? `, row ${row}` : ''}: ${message}` });
    summary.message = summaryMessage(summary);
    await finishImport(o.db, importId, 'failed', summary);
    return summary;
  };
  let records: string[][];
  try {
    if (fs.statSync(o.file).size > MAX_BYTES) return fail(`it is larger than ${MAX_BYTES / 1_048_576} MB`);
    records = parse(new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(o.file)).replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (err) {
    return fail(`it cannot be read as UTF-8 CSV: ${(err as Error).message}`);
  }
  const [header = [], ...rows] = records;
  const found = columnIndexes(dataset.mapping, header);
  if ('missing' in found)
    return fail(`the header has no ${found.missing.map((m) => `"${m}"`).join(', ')} column (the dataset's mapping names it)`, 1);
  const months = new Set<string>();
  const kept: RowOf<'crime_records'>[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    summary.rowsRead++;
    const r = readPartnerRow(dataset.mapping, found.indexes, cells);
    if (!('month' in r)) {
      summary.rejected++;
      if (summary.problems.length < MAX_PROBLEMS) summary.problems.push({ file: name, row, column: r.column, message: r.message });
      return;
    }
    const placed = placeRow(r, placer, lookups);
    if (placed.status === 'outside') summary.outside++;
    else if (placed.status === 'not-placed') summary.notPlaced++;
    else {
      months.add(r.month);
      kept.push({
        partnership_id: o.partnershipId,
        import_id: importId,
        force: dataset.name,
        month: r.month,
        crime_id: null,
        category: r.category,
        lsoa_code: placed.lsoa,
        ward_code: placed.status === 'placed' ? placed.ward : null,
        longitude: r.point?.longitude ?? null,
        latitude: r.point?.latitude ?? null,
        location: '',
        last_outcome: null,
      });
    }
  });
  try {
    for (let i = 0; i < kept.length; i += 1000) await insertRows(o.db, 'crime_records', kept.slice(i, i + 1000));
    summary.imported = kept.length;
    summary.files = [{ file: name, kind: 'partner', rowsRead: summary.rowsRead, months: [...months].sort() }];
    await o.db.transaction().execute(async (trx) => {
      const replaced = await replaceMonths(trx, o.partnershipId, importId, 'crime_records', new Map([[dataset.name, months]]));
      summary.replaced = replaced.rows;
      summary.replacedMonths = replaced.months;
      summary.message = summaryMessage(summary);
      await finishImport(trx, importId, 'done', summary);
      await recordAudit(trx, {
        actor: o.actor,
        action: 'crime.import-partner',
        entity: 'partnership',
        entityId: o.partnershipId,
        partnershipId: o.partnershipId,
        detail: { importId, dataset: dataset.name, file: name, rowsRead: summary.rowsRead, imported: summary.imported, replaced: summary.replaced },
      });
    });
    return summary;
  } catch (err) {
    return fail(`the import stopped: ${(err as Error).message}`);
  }
}

type Lookups = Awaited<ReturnType<typeof placeLookups>>;

/** By point or LSOA as police.uk rows are; else by postcode (the partnership's postcode table), else by ward. */
function placeRow(r: PartnerRow, placer: ReturnType<typeof placerOf>, lookups: Lookups): Placement {
  if (!areaSetFor(placer, lookups)) return placer.place(r.point, r.lsoaCode);
  if ((r.point || r.lsoaCode) && placer.areaSet) {
    const placed = placer.place(r.point, r.lsoaCode);
    if (placed.status === 'placed' || (!r.postcode && !r.ward)) return placed;
  }
  if (r.postcode) {
    const at = lookups.postcodes.get(r.postcode);
    if (at) return { status: 'placed', lsoa: at.lsoa, ward: at.ward };
    if (lookups.postcodes.size) return { status: 'outside' };
  }
  if (r.ward) {
    const ward = lookups.wardOf.get(r.ward.toLowerCase());
    return ward ? { status: 'placed', lsoa: null, ward } : { status: 'outside' };
  }
  return { status: 'not-placed' };
}

/** Whether the partnership has anything to place a partner's rows in: LSOAs, boundaries, postcodes or wards. */
const areaSetFor = (placer: ReturnType<typeof placerOf>, lookups: Lookups) => placer.areaSet || lookups.postcodes.size > 0 || lookups.wardOf.size > 0;
