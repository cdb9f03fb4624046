/**
 * Imports a partnership's ward, LSOA or MSOA boundaries from ONS GeoJSON, all or nothing: every feature checked
 * (readBoundaries), each ward matched to one of the partnership's wards (by ONS code, or by name the first time,
 * which records the ONS code) and each LSOA to one of its LSOAs. Any problem: nothing is stored, and every problem
 * names its feature. Otherwise the kind's boundaries are replaced in one transaction, audited.
 */
import type { Kysely } from 'kysely';
import { toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { type Area, type FeatureProblem, readBoundaries } from './boundaries.js';
import { sameName } from './sameName.js';

export type BoundaryKind = 'ward' | 'lsoa' | 'msoa';

export class BoundaryImportRejected extends AppError {
  constructor(readonly problems: FeatureProblem[]) {
    super(
      'validation_failed',
      422,
      `The boundaries were not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}. Nothing was changed.`,
      problems.slice(0, 200).map((p) => ({ field: `feature ${p.feature}${p.code ? ` (${p.code})` : ''}`, message: p.message })),
    );
  }
}

/** Ward, LSOA or MSOA, from the file's code property (WD25CD, LSOA21CD, MSOA21CD). */
export function kindOf(codeProperty: string | undefined): BoundaryKind | undefined {
  const prefix = (codeProperty ?? '').toUpperCase();
  return prefix.startsWith('WD') ? 'ward' : prefix.startsWith('LSOA') ? 'lsoa' : prefix.startsWith('MSOA') ? 'msoa' : undefined;
}

export async function importBoundaries(o: {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  json: unknown;
  fileName: string;
}): Promise<{ kind: BoundaryKind; areas: number }> {
  const file = readBoundaries(o.json);
  const problems = [...file.problems];
  const kind = kindOf(file.codeProperty);
  if (!kind && problems.length === 0)
    problems.push({ feature: 0, message: `The areas are not wards, LSOAs or MSOAs: their codes are in ${file.codeProperty ?? 'no property'}` });
  if (problems.length > 0 || !kind) throw new BoundaryImportRejected(problems);

  return o.db.transaction().execute(async (trx) => {
    const wardCodes = new Map<string, string>();
    if (kind === 'ward') {
      const wards = await trx.selectFrom('wards').select(['code', 'name', 'ons_code']).where('partnership_id', '=', o.partnershipId).execute();
      for (const area of file.areas) {
        const ward = wards.find((w) => w.ons_code === area.code) ?? wards.find((w) => w.ons_code === null && sameName(w.name, area.name));
        if (ward) wardCodes.set(area.code, ward.code);
        else problems.push({ feature: area.feature, code: area.code, message: `${area.code} ${area.name} is not one of the partnership’s wards` });
      }
    }
    if (kind === 'lsoa') {
      const known = new Set(
        (await trx.selectFrom('lsoas').select('code').where('partnership_id', '=', o.partnershipId).execute()).map((l) => l.code),
      );
      for (const area of file.areas)
        if (!known.has(area.code))
          problems.push({
            feature: area.feature,
            code: area.code,
            message: `${area.code} is not one of the partnership’s LSOAs (import the LSOAs first)`,
          });
    }
    if (problems.length > 0) throw new BoundaryImportRejected(problems);

    await trx.deleteFrom('boundaries').where('partnership_id', '=', o.partnershipId).where('kind', '=', kind).execute();
    for (let i = 0; i < file.areas.length; i += 50)
      await trx
        .insertInto('boundaries')
        .values(file.areas.slice(i, i + 50).map((a) => boundaryRow(o.partnershipId, kind, a)))
        .execute();
    for (const [onsCode, code] of wardCodes)
      await trx.updateTable('wards').set({ ons_code: onsCode }).where('partnership_id', '=', o.partnershipId).where('code', '=', code).execute();
    await recordAudit(trx, {
      actor: o.actor,
      action: 'geography.import',
      entity: 'partnership',
      entityId: o.partnershipId,
      partnershipId: o.partnershipId,
      detail: { kind: 'boundaries', areas: kind, count: file.areas.length, file: o.fileName },
    });
    return { kind, areas: file.areas.length };
  });
}

/**
 * A bounding box's degree as the engines' real columns hold it: PostgreSQL's is 4 bytes and refuses a value too small
 * for it (5e-324 failed the whole import with the driver's error), so such a value, a few nanometres from 0, is 0.
 */
const storedDegree = (x: number) => (Math.abs(x) < 1e-30 ? 0 : x);

const boundaryRow = (partnershipId: string, kind: BoundaryKind, a: Area) => ({
  partnership_id: partnershipId,
  kind,
  code: a.code,
  name: a.name,
  polygons: toJson(a.polygons),
  west: storedDegree(a.bbox[0]),
  south: storedDegree(a.bbox[1]),
  east: storedDegree(a.bbox[2]),
  north: storedDegree(a.bbox[3]),
});
