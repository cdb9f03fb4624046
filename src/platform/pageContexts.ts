/** The layout's part of every page (src/views/layout.njk reads these). */
export interface PageBase {
  /** The page's title, also in the browser tab. */
  title: string;
  /** The partnership whose name, branding and footer the page wears; SaferPlan's own when absent. */
  partnership?: { name: string; slug: string; isDemo: boolean; branding: { footerText: string } } | undefined;
  /** The GOV.UK error summary: each problem linking to its field. */
  errors?: readonly { text: string; href?: string | undefined }[] | undefined;
}

/** A row of a GOV.UK table (govukTable): each cell text (escaped when drawn) or HTML built safely. */
export type TableRow = ({ text?: string | number | undefined; format?: 'numeric' } | { html: string })[];

/**
 * Every page template, by the name reply.view takes, with the view model it is rendered from; a context that does not
 * fit its template fails tsc. Each capability adds its own pages in its pageContexts.ts (declaration merging):
 *
 *   declare module '../platform/pageContexts.js' {
 *     interface PageContexts { 'accounts/views/users.njk': UsersPage }
 *   }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each capability's pageContexts.ts
export interface PageContexts {}
