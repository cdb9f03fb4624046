import { describe, expect, it } from 'vitest';
import { headlineCounts, nonEmptyReason } from './rowCounts.js';

describe('headlineCounts', () => {
  it('picks partnerships, users, consultations and responses, zero where a table is missing', () => {
    expect(headlineCounts({ responses: 40, consultations: 2, wards: 18, users: 3 })).toEqual({
      partnerships: 0,
      users: 3,
      consultations: 2,
      responses: 40,
    });
  });
});

describe('nonEmptyReason', () => {
  it('is undefined for a database whose tables are all empty', () => {
    expect(nonEmptyReason('SQLite x.sqlite', { responses: 0, users: 0 })).toBeUndefined();
    expect(nonEmptyReason('SQLite x.sqlite', {})).toBeUndefined();
  });

  it("does not count the app's working tables: the jobs a started server queued and its rate-limit counters", () => {
    expect(nonEmptyReason('SQLite x.sqlite', { jobs: 1, rate_limits: 4, users: 0 })).toBeUndefined();
    expect(nonEmptyReason('SQLite x.sqlite', { jobs: 1, users: 2 })).toContain('(users: 2)');
  });

  it('names each table holding rows, in alphabetical order, and the way out', () => {
    expect(nonEmptyReason('PostgreSQL db:5432/app', { users: 3, sessions: 0, responses: 40, audit_log: 1 })).toBe(
      'The database PostgreSQL db:5432/app is not empty (audit_log: 1, responses: 40, users: 3): a restore replaces everything in it. ' +
        'Restore into an empty database, or add --force to replace it.',
    );
  });
});
