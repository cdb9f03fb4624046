import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../consultations/index.js';
import { AnalysisPool, slotIndex } from './analysisPool.js';

describe('slotIndex', () => {
  it('sends a consultation to the same thread every time, spread by a string hash', () => {
    expect(slotIndex('abc', 3)).toBe(0); // 96354 % 3
    expect(slotIndex('abc', 4)).toBe(2); // 96354 % 4
    expect(slotIndex('abc', 1)).toBe(0);
  });
});

describe('AnalysisPool', () => {
  it('fails the jobs of a worker that cannot start, with the reason, and leaves nothing unhandled', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-pool-'));
    const notADirectory = path.join(dir, 'file');
    fs.writeFileSync(notADirectory, '');
    const pool = new AnalysisPool({ kind: 'sqlite', path: path.join(notADirectory, 'db.sqlite') }, 1);
    try {
      const job = {
        consultation: { id: 'c1', partnershipId: 'p1', surveyVersion: 1, template: 'crime-survey' } as Consultation,
        filters: {},
        suppressBelow: 10,
        marginsCsv: null,
        softWeights: false,
        crossTab: null,
        dashboard: null,
      };
      const [first, same] = [pool.run(job), pool.run(job)];
      expect(same).toBe(first);
      await expect(first).rejects.toThrow(/Cannot open the SQLite database/);
      await expect(pool.run(job)).rejects.toThrow(/Cannot open the SQLite database/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
