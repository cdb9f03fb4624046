import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { listWards } from './listWards.js';

export interface PartnershipGeography {
  wards: { code: string; name: string }[];
  lsoaCount: number;
  lsoasByImdDecile: { decile: number; count: number }[];
  population: number;
}

export async function partnershipGeography(db: Kysely<Database>, partnershipId: string): Promise<PartnershipGeography> {
  const wards = await listWards(db, partnershipId);
  const deciles = await db
    .selectFrom('lsoas')
    .select((eb) => ['imd_decile', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('population').as('population')])
    .where('partnership_id', '=', partnershipId)
    .groupBy('imd_decile')
    .orderBy('imd_decile')
    .execute();
  return {
    wards,
    lsoaCount: deciles.reduce((n, d) => n + Number(d.count), 0),
    lsoasByImdDecile: deciles.filter((d) => d.imd_decile != null).map((d) => ({ decile: Number(d.imd_decile), count: Number(d.count) })),
    population: deciles.reduce((n, d) => n + Number(d.population ?? 0), 0),
  };
}
