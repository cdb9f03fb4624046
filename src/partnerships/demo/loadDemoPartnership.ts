import type { Kysely } from 'kysely';
import { createUser } from '../../accounts/index.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../platform/recordAudit.js';
import { slugify } from '../../platform/slugify.js';
import { createPartnership } from '../createPartnership.js';
import { COVENTRY_WARDS, DEMO_PARTNERSHIP, DEMO_PASSWORD, DEMO_USERS, PLAN_THEMES } from './coventry.js';
import { readCoventryLsoas } from './readGeoFixtures.js';

export interface DemoLoadResult {
  created: boolean;
  partnershipId: string;
  users: { email: string; role: string }[];
  password: string;
}

/** Loads the demo partnership once; a second call finds it and changes nothing. */
export async function loadDemoPartnership(db: Kysely<Database>, actor: Actor): Promise<DemoLoadResult> {
  const users = DEMO_USERS.map((u) => ({ email: u.email, role: u.role }));
  const existing = await db.selectFrom('partnerships').select('id').where('is_demo', '=', 1).executeTakeFirst();
  if (existing) return { created: false, partnershipId: existing.id, users, password: DEMO_PASSWORD };

  const { id } = await createPartnership({ db, actor, partnership: { ...DEMO_PARTNERSHIP, isDemo: true } });
  const lsoas = readCoventryLsoas();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('wards')
      .values(COVENTRY_WARDS.map((name) => ({ partnership_id: id, code: slugify(name), name })))
      .execute();
    for (let i = 0; i < lsoas.length; i += 100) {
      await trx
        .insertInto('lsoas')
        .values(
          lsoas.slice(i, i + 100).map((l) => ({
            partnership_id: id,
            code: l.code,
            name: l.name,
            ward_code: null,
            imd_rank: l.imdRank,
            imd_decile: l.imdDecile,
            crime_decile: l.crimeDecile,
            population: l.population,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('plan_themes')
      .values(PLAN_THEMES.map((t, position) => ({ partnership_id: id, position, ...t })))
      .execute();
  });
  for (const user of DEMO_USERS) {
    const taken = await db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
    if (!taken) await createUser({ db, actor, user: { ...user, password: DEMO_PASSWORD, partnershipIds: [id] }, publishedPassword: true });
  }
  return { created: true, partnershipId: id, users, password: DEMO_PASSWORD };
}
