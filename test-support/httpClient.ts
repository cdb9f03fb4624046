import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../src/app/config.js';
import { createApp } from '../src/app/createApp.js';
import { buildServices } from '../src/app/services.js';
import type { DbHandle } from '../src/db/database.js';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The real app on a real port (127.0.0.1, random unless `port` is given), built the same way as production. */
/** `readHandle`: a second connection standing for a read replica (DATABASE_READ_URL). */
export async function startTestServer(handle: DbHandle, overrides: Partial<Config> = {}, readHandle?: DbHandle): Promise<TestServer> {
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1', ...overrides };
  const app = await createApp(buildServices(handle, config, readHandle), { logger: false });
  await app.listen({ port: config.port, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A browser-like client: keeps cookies, follows no redirects, reads the CSRF token from forms. */
export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request(method: string, url: string, init: { body?: string | FormData; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(new URL(url, this.baseUrl), {
      method,
      body: init.body,
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...init.headers },
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);

  /** A cookie's value as the server last set it. */
  cookie = (name: string) => this.cookies.get(name);

  postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request('POST', url, {
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('POST', url, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  }

  /** A file upload: the browser sets the multipart boundary, and the form carries its CSRF token in its action URL. */
  postMultipart(url: string, form: FormData): Promise<Response> {
    return this.request('POST', url, { body: form });
  }

  /** GETs a page and returns the CSRF token from its first form. */
  async csrfFrom(url: string): Promise<string> {
    const html = await (await this.get(url)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no CSRF token on ${url}`);
    return token;
  }

  async signIn(email: string, password: string): Promise<Response> {
    const _csrf = await this.csrfFrom('/sign-in');
    return this.postForm('/sign-in', { _csrf, email, password, next: '/staff' });
  }
}
