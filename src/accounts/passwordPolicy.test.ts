import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwordPolicy.js';

const owner = { email: 'jo.bloggs@anytown.example', name: 'Jo Bloggs' };

describe('passwordProblem', () => {
  it.each([
    ['correct-horse-battery-staple'],
    ['ice-cream-van-tuesday'],
    ['a long enough password'],
    ['xxxTq9#mZ2$vL0!'],
    ['mountain otter lamplight'],
  ])('accepts %j', async (password) => {
    expect(await passwordProblem(password, owner)).toBeUndefined();
  });

  it.each([
    ['short-pass', 'Password must be at least 12 characters'],
    ['a'.repeat(201), 'Password must be 200 characters or fewer'],
    ['aaaaaaaaaaaa', 'Password must not be a character or group of characters repeated, like aaaaaaaaaaaa'],
    ['abcabcabcabc', 'Password must not be a character or group of characters repeated, like aaaaaaaaaaaa'],
    ['abcdefghijkl', 'Password must not be a sequence, like 123456789012 or abcdefghijkl'],
    ['123456789012', 'Password is a common password or too like one: choose one that other people are unlikely to use'],
    ['password1234', 'Password is a common password or too like one: choose one that other people are unlikely to use'],
    ['qwertyuiopas', 'Password is a common password or too like one: choose one that other people are unlikely to use'],
    ['saferplan-demo-2024', 'Password must not contain the name of this service'],
    ['My SaferPlan password!', 'Password must not contain the name of this service'],
    ['jo.bloggs@anytown.example', 'Password must not contain the email address or name of its user'],
    ['bloggs-is-my-name-ok', 'Password must not contain the email address or name of its user'],
    ['welcome-to-anytown', 'Password must not contain the email address or name of its user'],
  ])('refuses %j: %s', async (password, message) => {
    expect(await passwordProblem(password, owner)).toBe(message);
  });
});
