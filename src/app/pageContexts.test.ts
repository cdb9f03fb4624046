import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ownPasswordPage, signInPage } from '../accounts/viewModels.js';
import { SOURCE_ROOT } from '../platform/repositoryPaths.js';
import { errorPage } from './sitePages.js';

/** Templates that are not pages: the layout, partials and macros (named with a leading underscore or imported). */
const NOT_PAGES = new Set(['views/layout.njk', 'views/partials/footer.njk', 'consultations/views/questions.njk']);

const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('PageContexts', () => {
  it('gives every page template a view-model type, and names no template that is not there', () => {
    const sources = files(SOURCE_ROOT).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const declared = sources.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/^\s+'([\w/-]+\.njk)': /gm)].map((m) => m[1]));
    const pages = files(SOURCE_ROOT)
      .filter((f) => f.endsWith('.njk'))
      .map((f) => path.relative(SOURCE_ROOT, f))
      .filter((f) => !NOT_PAGES.has(f) && !path.basename(f).startsWith('_'))
      // src/views/ is on the template path by itself: its pages are named without the folder.
      .map((f) => f.replace(/^views\//, ''));
    expect([...declared].sort()).toEqual(pages.sort());
  });

  it('refuses at compile time a context that does not fit its template', () => {
    // Never called: tsc (npm run typecheck) fails if a line marked @ts-expect-error compiles.
    const wrongContexts = (reply: FastifyReply) => [
      // @ts-expect-error the own-password page's view model is not the sign-in page's
      reply.view('accounts/views/sign-in.njk', ownPasswordPage(false)),
      // @ts-expect-error every page has a title (the layout's <title>)
      reply.view('static-page.njk', { paragraphs: [] }),
      // @ts-expect-error no such template
      reply.view('accounts/views/nowhere.njk', errorPage('Gone', 'Not here', 'not_found')),
      reply.view('accounts/views/sign-in.njk', signInPage('/staff')),
    ];
    expect(typeof wrongContexts).toBe('function');
  });
});
