import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.js';
import { formBody, formField, oneOf, parseRequest } from './validation.js';

const schema = z.object({
  params: z.object({ id: z.string() }),
  query: z.object({ limit: z.coerce.number().int().min(1, 'Too few').default(10) }),
  body: z.object({ name: formField, colours: formBody.optional() }),
});
const request = (over: Partial<{ url: string; query: unknown; body: unknown }> = {}) => ({
  url: '/things/7',
  params: { id: '7' },
  query: {},
  headers: {},
  body: { name: ['Ann', 'Bob'] },
  ...over,
});
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return { status: err.status, code: err.code, fields: err.fields };
  }
  return undefined;
};

describe('parseRequest', () => {
  it('returns each part parsed: defaults filled, a form field its first value', () => {
    expect(parseRequest(schema, request())).toEqual({ params: { id: '7' }, query: { limit: 10 }, body: { name: 'Ann' } });
  });

  it('reports a bad query as 422 with the field named within its part', () => {
    expect(failure(() => parseRequest(schema, request({ query: { limit: '0' } })))).toEqual({
      status: 422,
      code: 'validation_failed',
      fields: [{ field: 'limit', message: 'Too few' }],
    });
  });

  it('refuses a page body that is not its form with 400, and an API body with 422', () => {
    expect(failure(() => parseRequest(schema, request({ body: [1, 2] })))).toMatchObject({ status: 400, code: 'bad_request' });
    expect(failure(() => parseRequest(schema, request({ url: '/api/v1/things/7', body: [1, 2] })))).toMatchObject({
      status: 422,
      fields: [{ field: 'form' }],
    });
  });
});

describe('form fields', () => {
  it('reads a missing field as empty and refuses values a urlencoded form cannot hold', () => {
    expect(formField.parse(undefined)).toBe('');
    expect(formBody.safeParse({ a: 'x', b: ['y', 'z'] }).success).toBe(true);
    expect(formBody.safeParse({ a: { nested: 1 } }).success).toBe(false);
  });

  it('oneOf takes any text and names the choices when it is not one', () => {
    const role = oneOf(['admin', 'viewer'], 'Role must be one of: admin, viewer');
    expect(role.parse('admin')).toBe('admin');
    expect(role.safeParse('wizard').error?.issues[0]?.message).toBe('Role must be one of: admin, viewer');
    expect(role.safeParse(undefined).error?.issues[0]?.message).toBe('Role must be one of: admin, viewer');
  });
});
