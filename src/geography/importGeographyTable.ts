/**
 * Imports one of a partnership's geography tables from CSV (docs/geography.md), all or nothing: the file is read and
 * checked whole (readGeoTable), every code is matched to the partnership's wards and LSOAs, and any problem, named by
 * row and column, leaves everything as it was. Audited as `geography.import`.
 */
import type { Kysely, Transaction } from 'kysely';
import { toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { slugify } from '../platform/slugify.js';
import { AreaIndex } from './areaIndex.js';
import { listBoundaries } from './queries/listBoundaries.js';
import { sameName } from './sameName.js';
import type { RowProblem } from './tables/csvTable.js';
import { type GeoTable, readGeoTable, type TableKind } from './tables/readGeoTable.js';

export class GeographyImportRejected extends AppError {
  constructor(readonly problems: RowProblem[]) {
    super(
      'validation_failed',
      422,
      `The file was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}. Nothing was changed.`,
      problems.slice(0, 200).map((p) => ({ field: `row ${p.row}${p.column ? `, ${p.column}` : ''}`, message: p.message })),
    );
  }
}

export interface GeographyImportSummary {
  kind: TableKind;
  rowsRead: number;
  /** Rows stored (new or updated). */
  imported: number;
  /** Rows naming places outside the partnership's area (postcodes only), counted and not kept. */
  outside?: number;
}

type Trx = Transaction<Database>;
type Step<K extends TableKind> = (
  trx: Trx,
  partnershipId: string,
  records: GeoTable[K],
  problems: RowProblem[],
) => Promise<Omit<GeographyImportSummary, 'kind' | 'rowsRead'>>;

export async function importGeographyTable(o: {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  kind: TableKind;
  text: string;
  fileName: string;
}): Promise<GeographyImportSummary> {
  const read = readGeoTable(o.kind, o.text);
  if (!read.ok) throw new GeographyImportRejected(read.problems);
  return o.db.transaction().execute(async (trx) => {
    const problems: RowProblem[] = [];
    const step = STEPS[o.kind] as Step<TableKind>;
    const done = await step(trx, o.partnershipId, read.records, problems);
    if (problems.length > 0) throw new GeographyImportRejected(problems.sort((a, b) => a.row - b.row));
    const summary = { kind: o.kind, rowsRead: read.records.length, ...done };
    await recordAudit(trx, {
      actor: o.actor,
      action: 'geography.import',
      entity: 'partnership',
      entityId: o.partnershipId,
      partnershipId: o.partnershipId,
      detail: { ...summary, file: o.fileName },
    });
    return summary;
  });
}

/** The partnership's wards, found by ONS code or (not yet coded) by name; a name match records the ONS code. */
async function wardFinder(trx: Trx, partnershipId: string) {
  const wards = await trx.selectFrom('wards').select(['code', 'name', 'ons_code']).where('partnership_id', '=', partnershipId).execute();
  const recorded = new Map<string, string>();
  return {
    wards,
    find(onsCode: string, name: string | null): string | undefined {
      const ward = wards.find((w) => w.ons_code === onsCode) ?? (name ? wards.find((w) => w.ons_code === null && sameName(w.name, name)) : undefined);
      if (ward && ward.ons_code === null) {
        ward.ons_code = onsCode;
        recorded.set(ward.code, onsCode);
      }
      return ward?.code;
    },
    async save() {
      for (const [code, onsCode] of recorded)
        await trx.updateTable('wards').set({ ons_code: onsCode }).where('partnership_id', '=', partnershipId).where('code', '=', code).execute();
    },
  };
}

async function lsoaCodes(trx: Trx, partnershipId: string): Promise<Set<string>> {
  return new Set((await trx.selectFrom('lsoas').select('code').where('partnership_id', '=', partnershipId).execute()).map((l) => l.code));
}

async function inChunks<T>(items: readonly T[], size: number, each: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await each(items.slice(i, i + size));
}

const STEPS: { [K in TableKind]: Step<K> } = {
  async wards(trx, partnershipId, records) {
    const finder = await wardFinder(trx, partnershipId);
    const taken = new Set(finder.wards.map((w) => w.code));
    const added: { partnership_id: string; code: string; name: string; ons_code: string }[] = [];
    for (const r of records) {
      if (finder.find(r.onsCode, r.name)) continue;
      let code = slugify(r.name) || r.onsCode.toLowerCase();
      for (let n = 2; taken.has(code); n++) code = `${slugify(r.name)}-${n}`;
      taken.add(code);
      added.push({ partnership_id: partnershipId, code, name: r.name, ons_code: r.onsCode });
    }
    await finder.save();
    await inChunks(added, 200, (chunk) => trx.insertInto('wards').values(chunk).execute());
    return { imported: records.length };
  },
  async lsoas(trx, partnershipId, records) {
    const known = await lsoaCodes(trx, partnershipId);
    for (const r of records.filter((l) => known.has(l.code)))
      await trx.updateTable('lsoas').set({ name: r.name }).where('partnership_id', '=', partnershipId).where('code', '=', r.code).execute();
    await inChunks(
      records.filter((l) => !known.has(l.code)),
      200,
      (chunk) =>
        trx
          .insertInto('lsoas')
          .values(chunk.map((l) => ({ ...emptyLsoa(partnershipId, l.code, l.name) })))
          .execute(),
    );
    return { imported: records.length };
  },
  async lookup(trx, partnershipId, records, problems) {
    const finder = await wardFinder(trx, partnershipId);
    const known = await lsoaCodes(trx, partnershipId);
    const assigned: { lsoa: string; name: string | null; ward: string }[] = [];
    for (const r of records) {
      const ward = finder.find(r.wardOnsCode, r.wardName);
      if (!ward)
        problems.push({
          row: r.row,
          column: 'ward',
          message: `${r.wardOnsCode}${r.wardName ? ` ${r.wardName}` : ''} is not one of the partnership’s wards`,
        });
      else assigned.push({ lsoa: r.lsoaCode, name: r.lsoaName, ward });
    }
    if (problems.length) return { imported: 0 };
    await finder.save();
    await inChunks(
      assigned.filter((a) => !known.has(a.lsoa)),
      200,
      (chunk) =>
        trx
          .insertInto('lsoas')
          .values(chunk.map((a) => ({ ...emptyLsoa(partnershipId, a.lsoa, a.name ?? a.lsoa), ward_code: a.ward })))
          .execute(),
    );
    for (const a of assigned.filter((x) => known.has(x.lsoa)))
      await trx.updateTable('lsoas').set({ ward_code: a.ward }).where('partnership_id', '=', partnershipId).where('code', '=', a.lsoa).execute();
    return { imported: records.length };
  },
  async population(trx, partnershipId, records, problems) {
    const area = records[0]?.area ?? 'lsoa';
    const codes = new Map<string, string>();
    if (area === 'lsoa') for (const code of await lsoaCodes(trx, partnershipId)) codes.set(code, code);
    else
      for (const w of await trx.selectFrom('wards').select(['code', 'ons_code']).where('partnership_id', '=', partnershipId).execute())
        if (w.ons_code) codes.set(w.ons_code, w.code);
    for (const r of records)
      if (!codes.has(r.code))
        problems.push({
          row: r.row,
          column: area === 'lsoa' ? 'LSOA code' : 'ward code',
          message: `${r.code} is not one of the partnership’s ${area === 'lsoa' ? 'LSOAs (import the LSOAs first)' : 'wards with an ONS code (import the wards or boundaries first)'}`,
        });
    if (problems.length) return { imported: 0 };
    await trx.deleteFrom('area_populations').where('partnership_id', '=', partnershipId).where('area_kind', '=', area).execute();
    await inChunks(records, 300, (chunk) =>
      trx
        .insertInto('area_populations')
        .values(
          chunk.map((r) => ({
            partnership_id: partnershipId,
            area_kind: area,
            area_code: codes.get(r.code) as string,
            age_band: r.ageBand,
            sex: r.sex,
            population: r.population,
          })),
        )
        .execute(),
    );
    if (area === 'lsoa')
      for (const [code, total] of totalsByArea(records))
        await trx.updateTable('lsoas').set({ population: total }).where('partnership_id', '=', partnershipId).where('code', '=', code).execute();
    return { imported: records.length };
  },
  async imd(trx, partnershipId, records, problems) {
    const known = await lsoaCodes(trx, partnershipId);
    for (const r of records)
      if (!known.has(r.lsoaCode))
        problems.push({ row: r.row, column: 'LSOA code', message: `${r.lsoaCode} is not one of the partnership’s LSOAs (import the LSOAs first)` });
    if (problems.length) return { imported: 0 };
    for (const r of records)
      await trx
        .updateTable('lsoas')
        .set({
          imd_rank: r.rank,
          imd_decile: r.decile,
          crime_decile: r.domains.Crime?.decile ?? null,
          imd_domains: Object.keys(r.domains).length ? toJson(r.domains) : null,
        })
        .where('partnership_id', '=', partnershipId)
        .where('code', '=', r.lsoaCode)
        .execute();
    return { imported: records.length };
  },
  async postcodes(trx, partnershipId, records) {
    const finder = await wardFinder(trx, partnershipId);
    const lsoas = await trx.selectFrom('lsoas').select(['code', 'ward_code']).where('partnership_id', '=', partnershipId).execute();
    const wardOfLsoa = new Map(lsoas.map((l) => [l.code, l.ward_code]));
    const lsoaIndex = new AreaIndex(await listBoundaries(trx, partnershipId, 'lsoa'));
    const wardIndex = new AreaIndex(await listBoundaries(trx, partnershipId, 'ward'));
    const wardOfOns = new Map(finder.wards.filter((w) => w.ons_code).map((w) => [w.ons_code as string, w.code]));
    const kept = [];
    for (const r of records) {
      const placedLsoa = r.longitude !== null && r.latitude !== null ? lsoaIndex.place(r.longitude, r.latitude) : undefined;
      const lsoa = r.lsoaCode && wardOfLsoa.has(r.lsoaCode) ? r.lsoaCode : (placedLsoa ?? null);
      const placedWardOns = !r.wardOnsCode && r.longitude !== null && r.latitude !== null ? wardIndex.place(r.longitude, r.latitude) : undefined;
      const ward = r.wardOnsCode
        ? wardOfOns.get(r.wardOnsCode)
        : placedWardOns
          ? wardOfOns.get(placedWardOns)
          : lsoa
            ? (wardOfLsoa.get(lsoa) ?? undefined)
            : undefined;
      if (!ward && !lsoa) continue;
      kept.push({
        partnership_id: partnershipId,
        postcode: r.postcode,
        sector: r.sector,
        ward_code: ward ?? null,
        lsoa_code: lsoa,
        longitude: r.longitude,
        latitude: r.latitude,
      });
    }
    await trx.deleteFrom('postcodes').where('partnership_id', '=', partnershipId).execute();
    await inChunks(kept, 500, (chunk) => trx.insertInto('postcodes').values(chunk).execute());
    return { imported: kept.length, outside: records.length - kept.length };
  },
};

const emptyLsoa = (partnershipId: string, code: string, name: string) => ({
  partnership_id: partnershipId,
  code,
  name,
  ward_code: null,
  imd_rank: null,
  imd_decile: null,
  crime_decile: null,
  population: null,
});

/** Each area's whole population: its all-ages row when it has one, else the sum of its bands (of all sexes when given). */
export function totalsByArea(records: GeoTable['population']): Map<string, number> {
  const totals = new Map<string, number>();
  const byArea = new Map<string, GeoTable['population']>();
  for (const r of records) byArea.set(r.code, [...(byArea.get(r.code) ?? []), r]);
  for (const [code, rows] of byArea) {
    const whole = rows.find((r) => r.ageBand === 'all' && r.sex === 'all');
    const bySexAll = rows.filter((r) => r.sex === 'all');
    const counted = whole ? [whole] : bySexAll.length ? bySexAll : rows;
    totals.set(
      code,
      counted.reduce((n, r) => n + r.population, 0),
    );
  }
  return totals;
}
