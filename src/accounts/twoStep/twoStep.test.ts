import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './recoveryCodes.js';
import { setUpSecret } from './setUpSecret.js';
import { acceptedTimeStep, codeProblem, newTotpSecret, totpUri, typedTotpCode } from './totp.js';
import { afterPassword, twoStepRequired } from './twoStepStage.js';

// RFC 6238's SHA-1 test secret ("12345678901234567890") in Base32, and its published code at 59 seconds (94287082,
// of which authenticator apps show the last 6 digits).
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it('gives the RFC 6238 code for its test secret', async () => {
    expect(await generate({ secret: RFC_SECRET, epoch: 59 })).toBe('287082');
  });

  it('accepts the code of the step before, now and after, and nothing further; none at or before the last step used', async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const now = Math.floor(Date.now() / 30_000);
    const at = (step: number) => generate({ secret, epoch: step * 30 + 15 });
    for (const step of [now - 1, now, now + 1]) expect(await acceptedTimeStep(secret, await at(step))).toBe(step);
    for (const step of [now - 3, now + 3]) expect(await acceptedTimeStep(secret, await at(step))).toBeUndefined();
    expect(await acceptedTimeStep(secret, await at(now), now)).toBeUndefined();
    expect(await acceptedTimeStep(secret, await at(now), now - 1)).toBe(now);
    expect(await acceptedTimeStep(secret, await at(now + 1), now)).toBe(now + 1);
  });

  it('reads a code typed with spaces, and says what is wrong with one that is not 6 digits', async () => {
    expect(typedTotpCode(' 123 456 ')).toBe('123456');
    expect(typedTotpCode('12345')).toBeUndefined();
    expect(typedTotpCode('12345a')).toBeUndefined();
    expect(await acceptedTimeStep(newTotpSecret(), 'abcdef')).toBeUndefined();
    expect(codeProblem('')).toBe('Enter the 6-digit code from your authenticator app');
    expect(codeProblem('1234')).toBe('The code must be 6 digits, like 123456');
    expect(codeProblem('123456')).toBe('Enter the code your authenticator app shows now: that code is wrong or was already used');
  });

  it('names SaferPlan and the user in the address the QR code holds', () => {
    expect(totpUri('officer@anytown.example', RFC_SECRET)).toBe(
      `otpauth://totp/SaferPlan:officer%40anytown.example?secret=${RFC_SECRET}&issuer=SaferPlan`,
    );
  });

  it('keeps the secret being set up while it opens under the session secret, and makes a new one otherwise', () => {
    const first = setUpSecret('a'.repeat(32), undefined);
    expect(setUpSecret('a'.repeat(32), first.sealed)).toEqual(first);
    const other = setUpSecret('b'.repeat(32), first.sealed);
    expect(other.secret).not.toBe(first.secret);
    expect(first.sealed).not.toContain(first.secret);
  });
});

describe('recovery codes', () => {
  it('makes 10 different codes of three groups of four unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
  });

  it('hashes a code the same however it is typed, and as SHA-256', () => {
    expect(normaliseRecoveryCode(' K7FQ 2mxa-9WCD ')).toBe('k7fq2mxa9wcd');
    expect(hashRecoveryCode('K7FQ-2MXA-9WCD')).toBe(hashRecoveryCode('k7fq2mxa9wcd'));
    // echo -n k7fq2mxa9wcd | sha256sum
    expect(hashRecoveryCode('k7fq-2mxa-9wcd')).toBe('318cbbc992de83e06415686d81b31e8602e8f1814a64d4517ec2e59ff06a03ea');
  });
});

describe('when two-step verification is asked for', () => {
  it('is required of administrators and analysts only, and only when TWO_STEP is required', () => {
    expect(twoStepRequired('admin', 'required')).toBe(true);
    expect(twoStepRequired('analyst', 'required')).toBe(true);
    for (const role of ['partner', 'member', 'viewer'] as const) expect(twoStepRequired(role, 'required')).toBe(false);
    expect(twoStepRequired('admin', 'optional')).toBe(false);
  });

  it('follows a correct password with a code for anyone set up, set-up for a role that must, and nothing for others', () => {
    expect(afterPassword('viewer', true, 'optional')).toBe('code');
    expect(afterPassword('admin', true, 'required')).toBe('code');
    expect(afterPassword('admin', false, 'required')).toBe('set-up');
    expect(afterPassword('analyst', false, 'optional')).toBe('signed-in');
    expect(afterPassword('member', false, 'required')).toBe('signed-in');
  });
});
