// saferplan stakeholders import PARTNERSHIP FILE: all or nothing, problems by row and column, a known email updated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership } from '../../test-support/factories.js';
import { runCli } from '../../test-support/runCli.js';

const HEADER = 'organisation,sector,contact_name,email,phone,role';

describeEachEngine('saferplan stakeholders import', ({ handle, target }) => {
  const file = (name: string, text: string) => {
    const at = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stakeholders-')), name);
    fs.writeFileSync(at, text);
    return at;
  };

  it('imports a file, reports every problem of a bad one by row and column and changes nothing', async () => {
    const p = await buildPartnership({ db: handle().db, name: 'Cli Register CSP' });
    const bad = await runCli([
      '--db',
      target(),
      'stakeholders',
      'import',
      p.slug,
      file('bad.csv', `${HEADER}\nA,police,B,b@example.org,,\nC,navy,D,not-an-email,,\n`),
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('The file was not imported: there are 2 problems. Nothing was changed.');
    expect(bad.stderr).toContain('row 3, sector: Choose a sector');
    expect(bad.stderr).toContain('row 3, email: Enter an email address in the correct format, like name@example.org');
    expect(await handle().db.selectFrom('stakeholders').select('id').where('partnership_id', '=', p.id).execute()).toEqual([]);

    const good = await runCli([
      '--db',
      target(),
      'stakeholders',
      'import',
      p.slug,
      file('good.csv', `${HEADER}\nWest Midlands Police,police,Priya Shah,priya@example.org,,Inspector\n`),
    ]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({ added: 1, updated: 0 });
    const again = await runCli([
      '--db',
      target(),
      'stakeholders',
      'import',
      p.id,
      file('again.csv', `${HEADER}\nWest Midlands Police,police,Priya Shah,PRIYA@example.org,,Chief Inspector\n`),
    ]);
    expect(JSON.parse(again.stdout)).toEqual({ added: 0, updated: 1 });
    const rows = await handle().db.selectFrom('stakeholders').select(['email', 'role']).where('partnership_id', '=', p.id).execute();
    expect(rows).toEqual([{ email: 'priya@example.org', role: 'Chief Inspector' }]);
    const audit = await handle()
      .db.selectFrom('audit_log')
      .select(['actor_label', 'detail'])
      .where('partnership_id', '=', p.id)
      .where('action', '=', 'stakeholder.import')
      .execute();
    expect(audit.length).toBe(2);
    expect(audit[0]?.actor_label).toMatch(/^cli:/);
  }, 120_000);
});
