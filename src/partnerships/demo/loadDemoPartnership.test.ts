import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/databases.js';
import { listAuditLog } from '../../accounts/queries/listAuditLog.js';
import { cliActor } from '../../platform/recordAudit.js';
import { partnershipGeography } from '../queries/partnershipGeography.js';
import { loadDemoPartnership } from './loadDemoPartnership.js';

describeEachEngine('loadDemoPartnership', ({ handle }) => {
  it('loads Coventry: 18 wards, 195 LSOAs with IMD 2019 deciles, three plan themes, demo users', async () => {
    const { db } = handle();
    const result = await loadDemoPartnership(db, cliActor());
    expect(result.created).toBe(true);
    const geo = await partnershipGeography(db, result.partnershipId);
    expect(geo.wards).toHaveLength(18);
    expect(geo.wards[0]).toEqual({ code: 'bablake', name: 'Bablake' });
    expect(geo.lsoaCount).toBe(195);
    // PROVENANCE.md: d1=28, d2=22, ..., d10=9; mid-2015 population 344,288.
    expect(geo.lsoasByImdDecile.map((d) => d.count)).toEqual([28, 22, 28, 19, 23, 21, 19, 15, 11, 9]);
    expect(geo.population).toBe(344_288);
    const themes = await db
      .selectFrom('plan_themes')
      .select('title')
      .where('partnership_id', '=', result.partnershipId)
      .orderBy('position')
      .execute();
    expect(themes.map((t) => t.title)).toEqual([
      'Reduction of offending, re-offending and serious organised crime',
      'Public place safety and reassurance',
      'Tackling exploitation and protecting victims of crime',
    ]);
    const users = await db.selectFrom('users').select(['email', 'role']).orderBy('email').execute();
    expect(users).toEqual([
      { email: 'admin@saferplan.demo', role: 'admin' },
      { email: 'analyst@saferplan.demo', role: 'analyst' },
    ]);
    const audit = await listAuditLog(db, [result.partnershipId]);
    expect(audit.map((a) => a.action).sort()).toEqual(['partnership.create', 'user.create', 'user.create']);
  });

  it('is idempotent: a second load changes nothing', async () => {
    const { db } = handle();
    const again = await loadDemoPartnership(db, cliActor());
    expect(again.created).toBe(false);
    const count = await db
      .selectFrom('partnerships')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
