// saferplan report: a findings report as DOCX read back by a real parser, and the refusals that name what is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crimeAnswers, openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { runCli } from '../../test-support/runCli.js';
import { ConsultationRuntimeCache } from '../consultations/index.js';
import { ResponseWriter, submitResponse } from '../responses/index.js';

describeEachEngine('saferplan report', ({ handle, target }) => {
  let consultationId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const crime = await openConsultation(handle(), 'crime-survey', 'Report Survey');
    consultationId = crime.consultationId;
    const runtimes = new ConsultationRuntimeCache(handle().db);
    const writer = new ResponseWriter(handle());
    const feelings = ['very_safe', 'fairly_safe', 'a_bit_unsafe', 'very_unsafe'];
    for (let i = 0; i < 40; i++)
      await submitResponse({
        runtimes,
        writer,
        consultationId,
        answers: crimeAnswers('earlsdon', feelings[i % 4] as string),
        channel: 'online',
        requireOpen: true,
      });
    await writer.close();
  });

  it('writes the findings report as a Word document with the survey’s questions and figures', async () => {
    const out = path.join(dir, 'findings.docx');
    const made = await runCli(['--db', target(), 'report', '--kind', 'findings', '--consultation', consultationId, '--format', 'docx', '--out', out]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/Wrote .*findings\.docx \([\d,]+ bytes, findings as docx\)/);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain('Report Survey: findings');
    expect(text).toContain('40 responses were received');
    expect(text).toContain('50.0% feel very or fairly safe walking alone in the area after dark, compared with 100.0% during the day');
    expect(text).toContain('How safe do you feel walking alone in this area…');
  });

  it('refuses what it cannot make, naming what is wrong, and writes nothing', async () => {
    const out = path.join(dir, 'never.pdf');
    const kind = await runCli(['--db', target(), 'report', '--kind', 'gossip', '--format', 'pdf', '--out', out]);
    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain('--kind: Use one of committee, findings, plan, hiia, you-said-we-did');
    const plan = await runCli(['--db', target(), 'report', '--kind', 'plan', '--format', 'pdf', '--out', out]);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('The partnership has no plan yet');
    const unknown = await runCli([
      '--db',
      target(),
      'report',
      '--kind',
      'findings',
      '--consultation',
      'no-such-survey',
      '--format',
      'html',
      '--out',
      out,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Consultation not found');
    expect(fs.existsSync(out)).toBe(false);
  });
});
