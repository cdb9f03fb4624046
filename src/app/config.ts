import { z } from 'zod';
import { type OidcSettings, parseOidcSettings } from './oidcSettings.js';
import { parseTrustProxy, type TrustProxy } from './trustProxy.js';

const DEV_SESSION_SECRET = 'saferplan-development-secret-not-for-production';

/** http(s)://host[:port] with at most a trailing slash: where the site is reached, for links sent by email. */
function isSiteAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  );
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  DATABASE_READ_URL: z.string().url('DATABASE_READ_URL must be a postgres:// URL of a streaming replica').optional(),
  SQLITE_PATH: z.string().min(1).default('./data/saferplan.sqlite'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(0).default(10),
  SUBMISSION_RATE_LIMIT: z.coerce.number().int().min(0).default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  PUBLIC_URL: z
    .string()
    .url('PUBLIC_URL must be a web address, like https://safety.example.gov.uk')
    .refine(
      isSiteAddress,
      'PUBLIC_URL must be http:// or https:// and the site address only (no path, query or fragment), like https://safety.example.gov.uk',
    )
    .transform((v) => new URL(v).origin)
    .optional(),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1_048_576),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  TWO_STEP: z.enum(['required', 'optional'], { error: 'TWO_STEP must be required or optional' }).optional(),
  METRICS_TOKEN: z.string().min(24, 'METRICS_TOKEN must be at least 24 characters').optional(),
  RATE_LIMIT_STORE: z.enum(['memory', 'database']).optional(),
  JOB_CONCURRENCY: z.coerce.number().int().min(0).max(16).default(1),
  READY_MIN_FREE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1_048_576),
  OIDC_ISSUER: z
    .string()
    .url('OIDC_ISSUER must be the web address of the identity provider, like https://login.microsoftonline.com/<tenant>/v2.0')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
  OIDC_ROLE_MAP: z.string().optional(),
  OIDC_PARTNERSHIP: z.string().min(1).optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };
  /** A streaming replica for heavy reads (analysis, reports); PostgreSQL only. */
  readReplicaUrl: string | undefined;
  sessionSecret: string;
  trustProxy: TrustProxy;
  logLevel: string;
  signInRateLimit: number;
  submissionRateLimit: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** /ready answers 503 when less than this is free on the SQLite database's file system. */
  readyMinFreeBytes: number;
  /** The site's public address (an origin), for links sent by email; unset in production unless PUBLIC_URL is given. */
  publicUrl: string | undefined;
  /** The bearer token a Prometheus scraper sends for /metrics; unset, /metrics is not served. */
  metricsToken: string | undefined;
  /** Where rate-limit counters live: this instance's memory, or the database so that limits hold across instances. */
  rateLimitStore: 'memory' | 'database';
  /** Background jobs this instance runs at once; 0 runs none (an instance that only serves pages). */
  jobConcurrency: number;
  /** The Chromium that makes PDFs (platform/pdf.ts); without it PDFs are refused with a message and printable pages still work. */
  chromiumPath: string;
  /**
   * Two-step verification (accounts/twoStep/): 'required' makes administrators and analysts signing in with a password
   * set it up and use it; 'optional' lets anyone set it up from their account page. Default: required in production.
   */
  twoStep: 'required' | 'optional';
  /** Single sign-on with the council's identity provider (OpenID Connect, accounts/oidc/); unset, only passwords. */
  oidc: OidcSettings | undefined;
}

export class ConfigError extends Error {}

/** Validates the environment once at start-up; a bad or missing setting stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // An empty variable (DATABASE_URL= ) means unset, as shells and .env files use it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_READ_URL: a replica needs its primary in DATABASE_URL (SQLite has no replicas)');
  }
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required in production (at least 32 random characters)');
  }
  const oidc = parseOidcSettings(e);
  if (!oidc.ok) throw new ConfigError(`Invalid configuration:\n  ${oidc.problems.join('\n  ')}`);
  if (oidc.value && e.NODE_ENV === 'production' && !e.PUBLIC_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  PUBLIC_URL: required for single sign-on (the redirect URI is <PUBLIC_URL>/sign-in/oidc/callback)',
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', path: e.SQLITE_PATH },
    readReplicaUrl: e.DATABASE_URL ? e.DATABASE_READ_URL : undefined,
    sessionSecret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    submissionRateLimit: e.SUBMISSION_RATE_LIMIT,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    readyMinFreeBytes: e.READY_MIN_FREE_BYTES,
    publicUrl: e.PUBLIC_URL ?? (e.NODE_ENV === 'production' ? undefined : `http://localhost:${e.PORT}`),
    chromiumPath: e.CHROMIUM_PATH,
    jobConcurrency: e.JOB_CONCURRENCY,
    metricsToken: e.METRICS_TOKEN,
    // Several instances share a PostgreSQL database, so their limits must too; one SQLite file means one instance.
    rateLimitStore: e.RATE_LIMIT_STORE ?? (e.DATABASE_URL ? 'database' : 'memory'),
    twoStep: e.TWO_STEP ?? (e.NODE_ENV === 'production' ? 'required' : 'optional'),
    oidc: oidc.value,
    ...overrides,
  };
}
