/** The site's own pages (src/views/): the home page, static pages and the error page. */
import type { Partnership } from '../partnerships/index.js';
import type { ErrorCode } from '../platform/errors.js';

/** Every partnership's public hub, and staff sign-in. */
export const homePage = (partnerships: readonly Partnership[]) => ({ title: 'Home', partnerships });

export const staticPage = (title: string, paragraphs: readonly string[]) => ({ title, paragraphs });

/** What went wrong, in words and by its stable code; a sign-in link when that is the way on. */
export const errorPage = (title: string, message: string, code: ErrorCode) => ({ title, message, code });

declare module '../platform/pageContexts.js' {
  interface PageContexts {
    'home.njk': ReturnType<typeof homePage>;
    'static-page.njk': ReturnType<typeof staticPage>;
    'error.njk': ReturnType<typeof errorPage>;
  }
}
