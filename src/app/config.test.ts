import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to SQLite at ./data/saferplan.sqlite on port 3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'sqlite', path: './data/saferplan.sqlite' });
    expect(config.port).toBe(3000);
    expect(config.env).toBe('development');
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/d' });
  });

  it('refuses to start in production without a session secret, naming it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required in production/);
  });

  it('names each bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', SESSION_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*SESSION_SECRET: SESSION_SECRET must be at least 32 characters/,
    );
  });

  it('takes TRUST_PROXY as a hop count or proxy addresses, and refuses true with the reason', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would trust every X-Forwarded-For address/);
  });
});

describe('PUBLIC_URL', () => {
  it('defaults to localhost on the port outside production, and is unset in production unless given', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).publicUrl).toBeUndefined();
  });

  it('keeps the site address only, without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://Safety.Example.gov.uk/' }).publicUrl).toBe('https://safety.example.gov.uk');
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:8080' }).publicUrl).toBe('http://10.0.0.5:8080');
  });

  it('refuses anything but an http(s) site address, naming PUBLIC_URL', () => {
    for (const bad of [
      'safety.example.gov.uk',
      'ftp://safety.example.gov.uk',
      'https://safety.example.gov.uk/p/x',
      'https://a.example?x=1',
      'https://u:p@a.example',
    ]) {
      expect(() => loadConfig({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL: PUBLIC_URL must be/);
    }
  });

  it('requires two-step verification in production and makes it optional elsewhere unless TWO_STEP says, refusing other values', () => {
    const secret = { SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ NODE_ENV: 'production', ...secret }).twoStep).toBe('required');
    expect(loadConfig({}).twoStep).toBe('optional');
    expect(loadConfig({ NODE_ENV: 'test' }).twoStep).toBe('optional');
    expect(loadConfig({ TWO_STEP: 'required' }).twoStep).toBe('required');
    expect(loadConfig({ NODE_ENV: 'production', TWO_STEP: 'optional', ...secret }).twoStep).toBe('optional');
    expect(() => loadConfig({ TWO_STEP: 'sometimes' })).toThrow(/TWO_STEP: TWO_STEP must be required or optional/);
  });
});

describe('single sign-on (OIDC_*)', () => {
  const sso = {
    OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
    OIDC_CLIENT_ID: 'client',
    OIDC_CLIENT_SECRET: 'secret',
  };

  it('is off unless set, and on with the issuer, client id and secret, reading the role claim and map', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const { oidc } = loadConfig({ ...sso, OIDC_ROLE_MAP: 'SaferPlan.Admin=admin, SaferPlan.Analyst = analyst', OIDC_PARTNERSHIP: 'anytown' });
    expect(oidc).toEqual({
      issuer: sso.OIDC_ISSUER,
      clientId: 'client',
      clientSecret: 'secret',
      roleClaim: 'roles',
      roleMap: new Map([
        ['SaferPlan.Admin', 'admin'],
        ['SaferPlan.Analyst', 'analyst'],
      ]),
      partnership: 'anytown',
    });
    expect(loadConfig({ ...sso, OIDC_ROLE_CLAIM: 'groups' }).oidc?.roleClaim).toBe('groups');
  });

  it('names what is missing from a partial setting', () => {
    expect(() => loadConfig({ OIDC_ISSUER: sso.OIDC_ISSUER })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_ISSUER: sso.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID: required[\s\S]*OIDC_CLIENT_SECRET: required/);
    expect(() => loadConfig({ OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' })).toThrow(/OIDC_ISSUER: required/);
    expect(() => loadConfig({ OIDC_ROLE_MAP: 'A=admin' })).toThrow(/OIDC_ISSUER: required/);
  });

  it('refuses a malformed role map and an http:// issuer in production', () => {
    expect(() => loadConfig({ ...sso, OIDC_ROLE_MAP: 'SaferPlan.Admin' })).toThrow(
      /OIDC_ROLE_MAP: "SaferPlan.Admin" is not provider-role=saferplan-role/,
    );
    const http = { ...sso, OIDC_ISSUER: 'http://idp.example' };
    expect(loadConfig(http).oidc?.issuer).toBe('http://idp.example');
    expect(() => loadConfig({ ...http, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })).toThrow(/OIDC_ISSUER: must be an https/);
    expect(() => loadConfig({ ...sso, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })).toThrow(/PUBLIC_URL: required for single sign-on/);
  });
});
