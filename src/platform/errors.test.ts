import { describe, expect, it } from 'vitest';
import { attempt, conflict, notFound } from './errors.js';

describe('attempt', () => {
  it("gives the operation's value, or its refusal when the code is one the caller answers", async () => {
    expect(await attempt(['conflict'], async () => 7)).toEqual({ ok: true, value: 7 });
    const refused = await attempt(['conflict'], async () => {
      throw conflict('Already there');
    });
    expect(refused.ok ? undefined : [refused.error.code, refused.error.message]).toEqual(['conflict', 'Already there']);
  });

  it('throws on any other error', async () => {
    await expect(
      attempt(['conflict'], async () => {
        throw notFound('Consultation');
      }),
    ).rejects.toThrow('Consultation not found');
    await expect(
      attempt(['conflict'], async () => {
        throw new RangeError('a bug');
      }),
    ).rejects.toThrow('a bug');
  });
});
